package io.uxprobe.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** uxprobe's version, written into the jar at build time: for --version and uxprobe_build_info. */
public final class Version {

    private Version() {}

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/io/uxprobe/agent/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
