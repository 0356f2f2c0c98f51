package io.uxprobe.browser;

import io.uxprobe.probes.browser.PageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** What a page's browser context reported while a step used it: console errors, failed requests, the page's own status. */
final class PageEvents {

    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> failedRequests = new ArrayList<>();
    private int consoleErrorCount;
    private int failedRequestCount;
    private OptionalInt documentStatus = OptionalInt.empty();

    synchronized void consoleError(String text) {
        consoleErrorCount++;
        if (consoleErrors.size() < PageReport.KEPT) consoleErrors.add(text);
    }

    synchronized void failedRequest(String text) {
        failedRequestCount++;
        if (failedRequests.size() < PageReport.KEPT) failedRequests.add(text);
    }

    /** The status of the page's own document, from the last navigation. */
    synchronized void documentStatus(int status) {
        documentStatus = OptionalInt.of(status);
    }

    synchronized OptionalInt documentStatus() {
        return documentStatus;
    }

    synchronized int consoleErrorCount() {
        return consoleErrorCount;
    }

    synchronized int failedRequestCount() {
        return failedRequestCount;
    }

    synchronized List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    synchronized List<String> failedRequests() {
        return List.copyOf(failedRequests);
    }
}
