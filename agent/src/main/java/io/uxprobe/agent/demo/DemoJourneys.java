package io.uxprobe.agent.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.demo.DemoService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The example journeys as the demo plays them: every region of the demo service as a region of the file (its
 * own {@code base}), and a short interval so a broken region shows within seconds.
 */
public final class DemoJourneys {

    /** The example journeys, bundled in the jar from examples/journeys. */
    static final List<String> EXAMPLES = List.of("login.yaml", "search.yaml", "playback.yaml", "listen.yaml", "player.yaml");

    private static final YAMLMapper YAML = new YAMLMapper();

    private DemoJourneys() {}

    /**
     * Writes the demo's journey files into {@code dir} and returns their paths.
     *
     * @param withBrowser also the player journey, which plays the web player in Chromium
     */
    public static List<Path> write(Path dir, DemoService service, String interval, boolean withBrowser) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : EXAMPLES) {
            if (!withBrowser && name.equals("player.yaml")) continue;
            ObjectNode file = (ObjectNode) YAML.readTree(example(name));
            ObjectNode defaults = file.with("defaults");
            defaults.put("interval", interval);
            // a run must end before the next starts; 'slow' (3 s) outages then show as timeouts
            // a page in a browser takes longer than an API call and costs a CPU's seconds: it runs a third as often
            boolean browser = name.equals("player.yaml");
            if (browser) defaults.put("interval", Durations.format(Durations.parse(interval).orElseThrow().multipliedBy(3)));
            defaults.put("timeout", browser ? "4800ms" : "4s");
            defaults.put("stepTimeout", browser ? "4500ms" : "2500ms");
            ArrayNode regions = file.putArray("regions");
            for (String region : service.regions()) {
                regions.addObject().put("name", region).putObject("vars").put("base", service.baseUrl(region));
            }
            Path out = dir.resolve(name);
            YAML.writeValue(out.toFile(), file);
            files.add(out);
        }
        return files;
    }

    private static InputStream example(String name) {
        InputStream in = DemoJourneys.class.getResourceAsStream("journeys/" + name);
        if (in == null) throw new UncheckedIOException(new IOException("example journey " + name + " is not in the jar"));
        return in;
    }

    /** Removes the files {@link #write} made. */
    public static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
