package io.uxprobe.probes.browser;

/**
 * What the user saw when a browser step failed: a screenshot (PNG, empty when the browser could not take one) and
 * the page's visible text (already redacted). The agent saves them as files.
 */
public record Evidence(byte[] screenshotPng, String visibleText) {

    public boolean hasScreenshot() {
        return screenshotPng.length > 0;
    }
}
