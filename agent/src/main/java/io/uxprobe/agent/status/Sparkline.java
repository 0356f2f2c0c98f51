package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Recent runs of one journey in one region as an inline SVG: one bar per run, oldest left, its phases stacked
 * (dns at the bottom), the rest of the run's time ({@code other}: checks, skipped steps) on top, and a red mark
 * above a failed run. Colours come from the page's CSS classes ({@code p-dns} …), so the SVG carries no style.
 */
final class Sparkline {

    static final int HEIGHT = 40;
    private static final int BAR = 6;
    private static final int GAP = 1;
    private static final int MARK = 4;
    /** Bars keep their width while the history fills: fewer runs sit at the right, newest last. */
    private static final int MIN_SLOTS = 30;

    private Sparkline() {}

    static String svg(List<Run> runs, Instant now) {
        long max = runs.stream().mapToLong(r -> r.duration().toNanos()).max().orElse(0);
        int slots = Math.max(runs.size(), MIN_SLOTS);
        int width = slots * (BAR + GAP);
        int plot = HEIGHT - MARK - 1;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"spark\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"").append(Html.esc(summary(runs))).append("\">");
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            int x = (slots - runs.size() + i) * (BAR + GAP);
            b.append("<g><title>").append(Html.esc(title(run, now))).append("</title>");
            double y = HEIGHT;
            long phases = 0;
            for (Phase p : Phase.values()) {
                long ns = run.phases().get(p).toNanos();
                phases += ns;
                y = bar(b, x, y, ns, max, plot, "p-" + p.label());
            }
            bar(b, x, y, Math.max(0, run.duration().toNanos() - phases), max, plot, "p-other");
            if (!run.passed()) b.append(rect(x, 0, BAR, MARK, "fail"));
            b.append("</g>");
        }
        return b.append("</svg>").toString();
    }

    /** The legend under every sparkline: phase names, not colour only. */
    static String legend() {
        StringBuilder b = new StringBuilder("<ul class=\"legend\">");
        for (Phase p : Phase.values()) b.append("<li><i class=\"p-").append(p.label()).append("\"></i>").append(p.label()).append("</li>");
        return b.append("<li><i class=\"p-other\"></i>other</li><li><i class=\"fail\"></i>failed run</li></ul>").toString();
    }

    /** For screen readers and the line under the chart: last, median and slowest run. */
    static String summary(List<Run> runs) {
        if (runs.isEmpty()) return "no runs yet";
        List<Duration> sorted = runs.stream().map(Run::duration).sorted().toList();
        long failed = runs.stream().filter(r -> !r.passed()).count();
        return String.format(Locale.ROOT, "last %d runs: last %s, median %s, slowest %s, %d failed", runs.size(),
                Words.duration(runs.getLast().duration()), Words.duration(sorted.get(sorted.size() / 2)),
                Words.duration(sorted.getLast()), failed);
    }

    private static double bar(StringBuilder b, int x, double bottom, long ns, long max, int plot, String cls) {
        if (ns <= 0 || max <= 0) return bottom;
        double h = (double) ns / max * plot;
        double top = bottom - h;
        b.append(rect(x, top, BAR, h, cls));
        return top;
    }

    private static String rect(int x, double y, int w, double h, String cls) {
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\"/>", cls, x, y, w, h);
    }

    private static String title(Run run, Instant now) {
        StringBuilder t = new StringBuilder(Words.time(run.startedAt(), now)).append(" · ").append(Words.duration(run.duration()));
        for (Phase p : Phase.values()) {
            Duration d = run.phases().get(p);
            if (!d.isZero()) t.append(" · ").append(p.label()).append(' ').append(Words.duration(d));
        }
        run.failure().ifPresent(f -> t.append(" · failed at ").append(f.step()).append(" (").append(f.reason().label()).append(')'));
        return t.toString();
    }
}
