package io.uxprobe.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Prometheus text format (0.0.4) read back: enough of a parser to assert on what a scrape exposes. */
record Exposition(Map<String, String> types, Map<String, String> help, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    static Exposition parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ", 2);
                types.put(p[0], p[1]);
            } else if (line.startsWith("# HELP ")) {
                String[] p = line.substring(7).split(" ", 2);
                help.put(p[0], p.length > 1 ? p[1] : "");
            } else if (!line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new Exposition(types, help, samples);
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // past ="
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        value.append(n == 'n' ? '\n' : n);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') i++;
            }
            rest = i + 2;
        } else {
            name = line.substring(0, space);
            rest = space + 1;
        }
        String v = line.substring(rest).split(" ")[0];
        double value = switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
        return new Sample(name, labels, value);
    }

    /** Every sample of {@code name} whose labels include {@code labels} (key, value, key, value, ...). */
    List<Sample> series(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return samples.stream().filter(s -> s.name().equals(name) && s.has(wanted)).toList();
    }

    /** The value of the one sample of {@code name} with these labels (a subset of its labels). */
    double value(String name, String... labels) {
        List<Sample> found = series(name, labels);
        assertThat(found).as("series %s%s", name, pairs(labels)).hasSize(1);
        return found.getFirst().value();
    }

    /** Samples of metrics whose name starts with {@code prefix}. */
    List<Sample> startingWith(String prefix) {
        return samples.stream().filter(s -> s.name().startsWith(prefix)).toList();
    }

    static Map<String, String> pairs(String... labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) m.put(labels[i], labels[i + 1]);
        return m;
    }
}
