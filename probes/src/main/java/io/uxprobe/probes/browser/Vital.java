package io.uxprobe.probes.browser;

import java.util.Locale;

/** The Web Vitals a browser step measures in seconds; CLS, a score, is kept apart. */
public enum Vital {
    /** Time to first byte: navigation start to the first byte of the page's answer. */
    TTFB,
    /** First contentful paint: when the user first sees text or an image. */
    FCP,
    /** Largest contentful paint: when the main content is shown. */
    LCP,
    /** Interaction to next paint: the slowest response of the page to the step's clicks, keys and choices. */
    INP;

    /** The label value: {@code ttfb}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
