package io.uxprobe.agent.report;

import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.errors.ErrorMatch;
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
    private final boolean explain;

    public ConsoleReport(PrintWriter out) {
        this(out, false);
    }

    /** @param explain also print, under each step, what error detection read as a message and what it ignored, and why */
    public ConsoleReport(PrintWriter out, boolean explain) {
        this.out = out;
        this.explain = explain;
    }

    public void journey(JourneyResult result) {
        journey(result.journey(), result);
    }

    /** @param title the journey's name, with its region when it ran from one of the file's regions */
    public void journey(String title, JourneyResult result) {
        // a failed run names its trace, to find what the backend did with its requests
        String trace = result.passed() ? "" : result.trace().map(t -> "  trace " + t.traceId()).orElse("");
        out.printf("%s %s  %s%s%n", result.passed() ? "PASS" : "FAIL", Printable.line(title), Format.duration(result.duration()), trace);
        for (StepResult step : result.steps()) {
            out.println(step(step));
            if (explain && step.outcome() != Outcome.SKIPPED) out.print(explanation(step.detection()));
        }
        out.flush();
    }

    public void summary(RunReport report) {
        long failed = report.failedCount();
        int all = report.runs().size();
        out.printf("%d journey%s: %d passed, %d failed (region %s)%n", all, all == 1 ? "" : "s", all - failed, failed, report.region());
        out.flush();
    }

    /** What error detection decided, as {@code check --explain} prints it: the message and the mentions, each with its rule. */
    static String explanation(Detection d) {
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        if (d.message().isEmpty() && d.mentions().isEmpty()) {
            return "        error detection: no error message shown, no error phrase seen" + nl;
        }
        b.append("        error detection: ").append(d.message().isPresent() ? "the user is shown an error message" : "no error message shown")
                .append(nl);
        d.message().ifPresent(m -> match(b, "message", m));
        for (ErrorMatch m : d.mentions()) match(b, "ignored", m);
        return b.toString();
    }

    private static void match(StringBuilder b, String what, ErrorMatch m) {
        String nl = System.lineSeparator();
        b.append("          ").append(what).append("  ").append(m.signature()).append("  \"").append(Printable.line(m.snippet())).append('"').append(nl)
                .append("                   at   ").append(Printable.line(m.where())).append(nl)
                .append("                   rule ").append(m.rule()).append(": ").append(Printable.line(m.why())).append(nl);
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
