package io.uxprobe.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How uxprobe starts its browser: which Chromium and chromedriver (Debian's by default; nothing is ever downloaded),
 * and how many pages may be open at once.
 */
public record ChromiumSettings(Path chromium, Path chromedriver, int maxPages) {

    public static final int DEFAULT_MAX_PAGES = 2;

    public ChromiumSettings {
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
    }

    /** {@code UXPROBE_CHROMIUM} and {@code UXPROBE_CHROMEDRIVER} when set, else Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. */
    public static ChromiumSettings of(Map<String, String> env, int maxPages) {
        return new ChromiumSettings(Path.of(env.getOrDefault("UXPROBE_CHROMIUM", "/usr/bin/chromium")),
                Path.of(env.getOrDefault("UXPROBE_CHROMEDRIVER", "/usr/bin/chromedriver")), maxPages);
    }

    /**
     * Flags for a quiet, headless browser that only goes where a journey sends it: no background traffic, no updates,
     * no sync (on a closed network those connections would only be refused), and a profile of its own.
     */
    List<String> flags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
    }
}
