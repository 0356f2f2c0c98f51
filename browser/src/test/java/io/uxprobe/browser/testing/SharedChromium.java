package io.uxprobe.browser.testing;

import io.uxprobe.browser.Chromium;
import io.uxprobe.browser.ChromiumSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Chromium for every browser test of a test JVM (starting one costs about a second). Tests need Debian's chromium
 * and chromium-driver: missing, they fail under {@code CI=true} (.ci/run installs them) and are skipped elsewhere.
 */
public final class SharedChromium {

    private static Chromium shared;

    private SharedChromium() {}

    public static synchronized Chromium get() {
        require();
        if (shared == null) {
            shared = new Chromium(ChromiumSettings.of(System.getenv(), ChromiumSettings.DEFAULT_MAX_PAGES));
            try {
                shared.start();
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot start Chromium: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** Fails (CI) or skips (elsewhere) a test when Chromium or chromedriver is not installed. */
    public static void require() {
        ChromiumSettings s = ChromiumSettings.of(System.getenv(), 1);
        for (Path p : new Path[] {s.chromium(), s.chromedriver()}) {
            if (!Files.isExecutable(p)) {
                String what = p + " is not installed (apt-get install chromium chromium-driver)";
                if ("true".equals(System.getenv("CI"))) throw new AssertionError(what + ": CI must have it (.ci/run installs it)");
                org.junit.jupiter.api.Assumptions.assumeTrue(false, what);
            }
        }
    }
}
