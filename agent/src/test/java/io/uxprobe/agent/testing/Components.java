package io.uxprobe.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real components tests need (promtool, Prometheus, Pushgateway, a Prometheus text parser, nginx), from Debian packages.
 * Missing one fails the test under {@code CI=true} (where .ci/run installs them), and skips it elsewhere, saying how to get it.
 */
public final class Components {

    private Components() {}

    /** The path of {@code binary}, which Debian's {@code debianPackage} installs (daemons such as nginx go to /usr/sbin). */
    public static Path require(String binary, String debianPackage) {
        for (String dir : (System.getenv().getOrDefault("PATH", "/usr/bin") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) return p;
        }
        missing(binary + " is not installed (apt-get install " + debianPackage + ")");
        throw new IllegalStateException("unreachable");
    }

    public static void missing(String what) {
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(what + ": CI must have it (.ci/run installs it)");
        assumeTrue(false, what);
    }
}
