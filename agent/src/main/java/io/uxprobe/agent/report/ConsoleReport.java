package io.uxprobe.agent.report;

import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.DataSize;
import java.io.PrintWriter;

/**
 * What a person reads in a terminal or a CI log: a line per journey, a line per step with status and phase
 * timings, and for a failure the reason and what was seen. What came from a server is made {@link Printable}.
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
        out.printf("%s %s  %s%n", result.passed() ? "PASS" : "FAIL", Printable.line(title), Format.duration(result.duration()));
        for (StepResult step : result.steps()) out.println(step(step));
        out.flush();
    }

    public void summary(RunReport report) {
        long failed = report.failedCount();
        int all = report.runs().size();
        out.printf("%d journey%s: %d passed, %d failed (region %s)%n", all, all == 1 ? "" : "s", all - failed, failed, report.region());
        out.flush();
    }

    static String step(StepResult s) {
        if (s.outcome() == Outcome.SKIPPED) return "  skip  " + Printable.line(s.name()) + "  (an earlier step failed)";
        StringBuilder b = new StringBuilder();
        b.append(s.passed() ? "  ok    " : "  FAIL  ").append(Printable.line(s.name())).append("  ")
                .append(Printable.line(s.method())).append(' ').append(Printable.line(s.url())).append("  ");
        s.status().ifPresent(code -> b.append(code).append("  "));
        b.append(Format.duration(s.duration()));
        String phases = Format.phases(s.phases());
        if (!phases.isEmpty()) b.append("  (").append(phases).append(')');
        s.bytesPerSecond().ifPresent(rate -> b.append("  ").append(DataSize.ofBytes(s.bytes())).append(" at ")
                .append(DataSize.ofBytes((long) rate)).append("/s"));
        s.failure().ifPresent(f -> b.append(System.lineSeparator()).append("        ").append(f.reason().label()).append(": ")
                .append(Printable.line(f.detail())));
        return b.toString();
    }
}
