package io.uxprobe.agent.browser;

import io.uxprobe.probes.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The environment variables that say where Chromium and chromedriver are. */
public final class BrowserEnvironment {

    private BrowserEnvironment() {}

    public static Map<String, String> of(Environment env) {
        Map<String, String> out = new HashMap<>();
        for (String name : new String[] {"UXPROBE_CHROMIUM", "UXPROBE_CHROMEDRIVER"}) env.variable(name).ifPresent(v -> out.put(name, v));
        return out;
    }

    /** What is missing to run browser steps here, such as "no Chromium at /usr/bin/chromium"; empty when both are there. */
    public static Optional<String> missing(Environment env) {
        String chromium = env.variable("UXPROBE_CHROMIUM").orElse("/usr/bin/chromium");
        String chromedriver = env.variable("UXPROBE_CHROMEDRIVER").orElse("/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium))) return Optional.of("no Chromium at " + chromium);
        if (!Files.isExecutable(Path.of(chromedriver))) return Optional.of("no chromedriver at " + chromedriver);
        return Optional.empty();
    }
}
