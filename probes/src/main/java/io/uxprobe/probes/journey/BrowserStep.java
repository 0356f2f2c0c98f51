package io.uxprobe.probes.journey;

import io.uxprobe.probes.browser.PageAction;
import io.uxprobe.probes.browser.PageExtraction;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Template;
import java.time.Duration;
import java.util.List;

/**
 * A step played in a real browser: open a page, act on it as a user would, and read what it shows.
 *
 * @param open the page's URL
 * @param actions done in order after the page loaded
 * @param extractions values read from the page for later steps
 * @param failOnConsoleErrors whether an error in the page's console fails the step (it is always recorded)
 * @param failOnFailedRequests whether a request of the page that failed (no answer, or 4xx/5xx) fails the step
 */
public record BrowserStep(
        String name,
        Position position,
        Template open,
        List<PageAction> actions,
        List<PageExtraction> extractions,
        boolean failOnConsoleErrors,
        boolean failOnFailedRequests,
        boolean errorSignatures,
        Duration timeout) implements Step {

    /** What reports and results show where an HTTP step shows its method. */
    public static final String METHOD = "BROWSER";

    public BrowserStep {
        actions = List.copyOf(actions);
        extractions = List.copyOf(extractions);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Template target() {
        return open;
    }

    /** Whether a user acts on the page (click, fill, press, select), so that INP means something. */
    public boolean interacts() {
        return actions.stream().anyMatch(PageAction::interacts);
    }
}
