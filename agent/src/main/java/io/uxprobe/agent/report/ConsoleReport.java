package io.uxprobe.agent.report;

import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.agent.browser.SavedEvidence;
import java.io.PrintWriter;
import java.util.List;

/**
 * What a person reads in a terminal or a CI log: a line per journey, a line per step with status and phase
 * timings, and for a failure the reason and what was seen.
 */
public final class ConsoleReport {

    private final PrintWriter out;

    public ConsoleReport(PrintWriter out) {
        this.out = out;
    }

    public void journey(JourneyResult result) {
        journey(result.journey(), result);
    }

    /** @param title the journey's name, with its region when it ran from one of the file's regions */
    public void journey(String title, JourneyResult result) {
        journey(title, result, List.of());
    }

    /** @param evidence the saved screenshots and texts of its failed browser steps */
    public void journey(String title, JourneyResult result, List<SavedEvidence> evidence) {
        out.printf("%s %s  %s%n", result.passed() ? "PASS" : "FAIL", title, Format.duration(result.duration()));
        for (StepResult step : result.steps()) {
            out.println(step(step));
            evidence.stream().filter(e -> e.step().equals(step.name())).forEach(e -> out.println("        evidence: "
                    + e.screenshot().map(p -> p + ", ").orElse("") + e.text()));
        }
        out.flush();
    }

    public void summary(RunReport report) {
        long failed = report.failedCount();
        int all = report.runs().size();
        out.printf("%d journey%s: %d passed, %d failed (region %s)%n", all, all == 1 ? "" : "s", all - failed, failed, report.region());
        out.flush();
    }

    static String step(StepResult s) {
        if (s.outcome() == Outcome.SKIPPED) return "  skip  " + s.name() + "  (an earlier step failed)";
        StringBuilder b = new StringBuilder();
        b.append(s.passed() ? "  ok    " : "  FAIL  ").append(s.name()).append("  ")
                .append(s.method()).append(' ').append(s.url()).append("  ");
        s.status().ifPresent(code -> b.append(code).append("  "));
        b.append(Format.duration(s.duration()));
        String phases = Format.phases(s.phases());
        if (!phases.isEmpty()) b.append("  (").append(phases).append(')');
        s.page().ifPresent(page -> {
            String vitals = Format.vitals(page.vitals());
            if (!vitals.isEmpty()) b.append("  (").append(vitals).append(')');
            if (page.consoleErrorCount() > 0) b.append("  ").append(page.consoleErrorCount()).append(" console error(s)");
            if (page.failedRequestCount() > 0) b.append("  ").append(page.failedRequestCount()).append(" failed request(s)");
        });
        s.bytesPerSecond().ifPresent(rate -> b.append("  ").append(DataSize.ofBytes(s.bytes())).append(" at ")
                .append(DataSize.ofBytes((long) rate)).append("/s"));
        s.failure().ifPresent(f -> b.append(System.lineSeparator()).append("        ").append(f.reason().label()).append(": ").append(f.detail()));
        return b.toString();
    }
}
