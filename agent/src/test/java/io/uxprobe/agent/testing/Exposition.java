package io.uxprobe.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a Prometheus text exposition with the Prometheus project's own parser (client_python's
 * {@code prometheus_client.parser}, Debian's python3-prometheus-client), so tests see what Prometheus sees.
 */
public final class Exposition {

    /** One sample: metric name (with _total, _bucket … suffixes as exposed), labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    /** A metric family: name, type (counter, gauge, histogram …) and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {}

    private static final String PARSER = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for f in text_string_to_metric_families(sys.stdin.read()):
                out.append({"name": f.name, "type": f.type, "help": f.documentation,
                            "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]})
            json.dump(out, sys.stdout)
            """;

    private final List<Family> families;

    private Exposition(List<Family> families) {
        this.families = families;
    }

    public static Exposition parse(String text) {
        Components.require("python3", "python3");
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("parser hung");
            if (p.exitValue() != 0) {
                if (err.contains("No module named 'prometheus_client'")) Components.missing("python3-prometheus-client is not installed");
                throw new AssertionError("the Prometheus text parser rejected the exposition: " + err);
            }
            List<Family> families = new ArrayList<>();
            for (JsonNode f : new ObjectMapper().readTree(out)) {
                List<Sample> samples = new ArrayList<>();
                for (JsonNode s : f.get("samples")) {
                    Map<String, String> labels = new TreeMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.get("labels").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        labels.put(e.getKey(), e.getValue().asText());
                    }
                    samples.add(new Sample(s.get("name").asText(), labels, s.get("value").asDouble()));
                }
                families.add(new Family(f.get("name").asText(), f.get("type").asText(), f.get("help").asText(), samples));
            }
            return new Exposition(families);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Family> families() {
        return families;
    }

    public List<Sample> samples() {
        return families.stream().flatMap(f -> f.samples().stream()).toList();
    }

    /** Samples with this exposed name whose labels include every given pair ({@code "journey", "login", …}). */
    public List<Sample> samples(String name, String... labelPairs) {
        Predicate<Sample> match = s -> s.name().equals(name);
        for (int i = 0; i + 1 < labelPairs.length; i += 2) {
            String k = labelPairs[i];
            String v = labelPairs[i + 1];
            match = match.and(s -> v.equals(s.labels().get(k)));
        }
        return samples().stream().filter(match).toList();
    }

    /** The one sample's value; fails if there is not exactly one. */
    public double value(String name, String... labelPairs) {
        List<Sample> found = samples(name, labelPairs);
        if (found.size() != 1) throw new AssertionError("expected one sample " + name + " " + List.of(labelPairs) + ", found " + found);
        return found.getFirst().value();
    }

    /** Samples of metrics whose name starts with {@code prefix}. */
    public List<Sample> startingWith(String prefix) {
        return samples().stream().filter(s -> s.name().startsWith(prefix)).toList();
    }

    /** Same as {@link #samples(String, String...)}. */
    public List<Sample> series(String name, String... labelPairs) {
        return samples(name, labelPairs);
    }

    /** Family name to type, under the name a {@code # TYPE} line gives (counters also without {@code _total}). */
    public Map<String, String> types() {
        Map<String, String> types = new TreeMap<>();
        for (Family f : families) {
            types.put(f.name(), f.type());
            if (f.type().equals("counter")) types.put(f.name() + "_total", f.type());
        }
        return types;
    }

    /** Family name to its HELP text. */
    public Map<String, String> help() {
        Map<String, String> help = new TreeMap<>();
        for (Family f : families) help.put(f.name(), f.help());
        return help;
    }

    public String type(String family) {
        return families.stream().filter(f -> f.name().equals(family)).map(Family::type).findFirst()
                .orElseThrow(() -> new AssertionError("no metric family " + family));
    }
}
