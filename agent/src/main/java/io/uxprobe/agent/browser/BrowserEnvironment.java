package io.uxprobe.agent.browser;

import io.uxprobe.probes.template.Environment;
import java.util.HashMap;
import java.util.Map;

/** The environment variables that say where Chromium and chromedriver are. */
public final class BrowserEnvironment {

    private BrowserEnvironment() {}

    public static Map<String, String> of(Environment env) {
        Map<String, String> out = new HashMap<>();
        for (String name : new String[] {"UXPROBE_CHROMIUM", "UXPROBE_CHROMEDRIVER"}) env.variable(name).ifPresent(v -> out.put(name, v));
        return out;
    }
}
