package io.uxprobe.probes.browser;

import java.util.List;
import java.util.Optional;

/**
 * What a browser step saw besides pass or fail: where the page ended, its Web Vitals, the errors in its console and
 * the requests that failed (each already redacted, at most {@link #KEPT} of each kind; the counts are exact), and on
 * failure the evidence.
 */
public record PageReport(String finalUrl, Vitals vitals, int consoleErrorCount, List<String> consoleErrors, int failedRequestCount,
        List<String> failedRequests, Optional<Evidence> evidence) {

    /** How many console errors and failed requests are kept to show; more are only counted. */
    public static final int KEPT = 10;

    public PageReport {
        consoleErrors = List.copyOf(consoleErrors);
        failedRequests = List.copyOf(failedRequests);
    }
}
