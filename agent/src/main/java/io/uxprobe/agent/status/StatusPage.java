package io.uxprobe.agent.status;

import static io.uxprobe.agent.status.Html.esc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status page: what users of each journey meet now, region by region, and what they met lately. Plain HTML
 * rendered here from a {@link StatusSnapshot}; inline style and a few lines of script refresh it in place and
 * write times as "3 min ago". Everything that comes from a file or a server is escaped.
 */
public final class StatusPage implements HttpHandler {

    /** How often an open page refreshes itself when not told otherwise. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(15);

    private final StatusBoard board;
    private final Duration refresh;

    public StatusPage(StatusBoard board) {
        this(board, DEFAULT_REFRESH);
    }

    /** @param refresh how often an open page refreshes itself; zero turns that off */
    public StatusPage(StatusBoard board, Duration refresh) {
        this.board = board;
        this.refresh = refresh;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Replies.readOnly(exchange)) return;
            exchange.getResponseHeaders().set("Content-Security-Policy", PageAssets.CSP);
            Replies.send(exchange, "text/html; charset=utf-8", render(board.snapshot()));
        }
    }

    public String render(StatusSnapshot s) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(esc(title(s))).append("</title><style>").append(PageAssets.CSS).append("</style></head>\n<body>")
                .append("<header><h1>uxprobe status</h1><p id=\"stale\" role=\"status\" hidden></p></header>\n")
                .append("<main id=\"board\" data-refresh=\"").append(refresh.toSeconds()).append("\">");
        b.append("<p class=\"meta\">Updated <time datetime=\"").append(s.at()).append("\" data-ago=\"").append(s.at()).append("\">")
                .append(esc(Words.time(s.at(), s.at()))).append("</time>")
                .append(refresh.isZero() ? "" : " · refreshes every " + refresh.toSeconds() + " s").append(" · <a href=\"api/status\">JSON</a></p>");
        overall(b, s);
        grid(b, s);
        for (JourneyStatus j : s.journeys()) journey(b, j, s.at());
        b.append("</main>\n<script>").append(PageAssets.JS).append("</script></body></html>\n");
        return b.toString();
    }

    private static String title(StatusSnapshot s) {
        long down = s.journeys().stream().filter(j -> j.state() == State.DOWN).count();
        long degraded = s.journeys().stream().filter(j -> j.state() == State.DEGRADED).count();
        if (down + degraded == 0) return "uxprobe status";
        return "uxprobe status: " + (down > 0 ? down + " down" : "") + (down > 0 && degraded > 0 ? ", " : "")
                + (degraded > 0 ? degraded + " degraded" : "");
    }

    /** One line on top: all well, or which journeys fail. */
    private static void overall(StringBuilder b, StatusSnapshot s) {
        Map<State, List<String>> by = new EnumMap<>(State.class);
        for (JourneyStatus j : s.journeys()) by.computeIfAbsent(j.state(), k -> new ArrayList<>()).add(j.journey());
        State worst = by.containsKey(State.DOWN) ? State.DOWN : by.containsKey(State.DEGRADED) ? State.DEGRADED
                : by.containsKey(State.UP) ? State.UP : State.PENDING;
        String text;
        if (s.journeys().isEmpty()) text = "No journeys loaded.";
        else if (worst == State.UP || worst == State.PENDING) {
            int n = by.getOrDefault(State.UP, List.of()).size();
            text = worst == State.PENDING ? "Waiting for the first runs." : "All " + n + (n == 1 ? " journey" : " journeys") + " up"
                    + (by.containsKey(State.PENDING) ? ", " + by.get(State.PENDING).size() + " not run yet." : ".");
        } else {
            List<String> parts = new ArrayList<>();
            for (State st : List.of(State.DOWN, State.DEGRADED)) {
                if (by.containsKey(st)) parts.add(st.text() + ": " + String.join(", ", by.get(st)));
            }
            text = String.join(" · ", parts);
        }
        b.append("<p class=\"overall s-").append(worst.label()).append("\">").append(esc(text)).append("</p>\n");
    }

    /** Journeys down, regions across; a cell says the state in words, since when, the last run, and what failed. */
    private static void grid(StringBuilder b, StatusSnapshot s) {
        if (s.journeys().isEmpty()) return;
        b.append("<div class=\"scroll\"><table class=\"grid\"><caption class=\"sum\">Journeys by region, now</caption><thead><tr><th scope=\"col\">Journey</th>");
        for (String region : s.regions()) b.append("<th scope=\"col\">").append(esc(region)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (JourneyStatus j : s.journeys()) {
            b.append("<tr><th scope=\"row\"><a href=\"#").append(StatusUrl.anchor(j.journey())).append("\">").append(esc(j.journey())).append("</a></th>");
            for (String region : s.regions()) {
                Optional<CellStatus> cell = j.in(region);
                if (cell.isEmpty()) b.append("<td class=\"none\">not probed here</td>");
                else cell(b, cell.get(), s.at());
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n");
    }

    private static void cell(StringBuilder b, CellStatus c, Instant now) {
        b.append("<td class=\"c-").append(c.state().label()).append("\" data-journey=\"").append(esc(c.journey()))
                .append("\" data-region=\"").append(esc(c.region())).append("\">");
        badge(b, c.state());
        if (c.state() != State.PENDING) {
            b.append(" <span class=\"when\">since <time datetime=\"").append(c.since()).append("\">").append(esc(Words.time(c.since(), now)))
                    .append("</time> <span data-for=\"").append(c.since()).append("\"></span></span>");
        }
        c.lastRun().ifPresent(r -> b.append("<div class=\"when\">last run ").append(ago(r.startedAt(), now)).append(" · ")
                .append(esc(Words.duration(r.duration()))).append(r.passed() ? " · passed" : " · failed").append("</div>"));
        if (c.state() == State.DEGRADED) {
            b.append("<div class=\"streak\">").append(c.consecutiveFailures()).append(" of ").append(c.thresholds().failureThreshold())
                    .append(" failed runs in a row before Down</div>");
        }
        if (c.state() == State.DOWN || c.state() == State.DEGRADED) {
            Optional<Run> failed = c.lastRun().filter(r -> !r.passed()).or(c::lastFailure);
            failed.flatMap(Run::failure).ifPresent(f -> failure(b, f));
        }
        b.append("</td>");
    }

    private static void failure(StringBuilder b, RunFailure f) {
        b.append("<div class=\"failure\">step <b>").append(esc(f.step())).append("</b> · ").append(f.reason().label());
        f.status().ifPresent(code -> b.append(" · HTTP ").append(code));
        b.append("<q class=\"message\">").append(esc(Words.oneLine(f.message(), 300))).append("</q>");
        f.traceId().ifPresent(id -> b.append("<div class=\"when\">trace <code class=\"trace\">").append(id).append("</code></div>"));
        b.append("</div>");
    }

    private static void badge(StringBuilder b, State state) {
        String icon = switch (state) {
            case UP -> "✔";
            case DEGRADED -> "▲";
            case DOWN -> "✖";
            case PENDING -> "…";
        };
        b.append("<span class=\"badge s-").append(state.label()).append("\"><span aria-hidden=\"true\">").append(icon).append("</span> ")
                .append(state.text()).append("</span>");
    }

    private static String ago(Instant t, Instant now) {
        String abs = esc(Words.time(t, now));
        return "<time datetime=\"" + t + "\" title=\"" + abs + "\" data-ago=\"" + t + "\">" + abs + "</time>";
    }

    /** A journey's section: a sparkline per region, then every kept run, newest first, failures with what the user saw. */
    private static void journey(StringBuilder b, JourneyStatus j, Instant now) {
        String id = StatusUrl.anchor(j.journey());
        b.append("<section class=\"journey\" id=\"").append(id).append("\"><h2>").append(esc(j.journey())).append(' ');
        badge(b, j.state());
        b.append("</h2><div class=\"regions\">");
        for (CellStatus c : j.regions()) {
            b.append("<div><h3>").append(esc(c.region())).append(" <span class=\"when\">").append(c.state().text()).append("</span></h3>")
                    .append(Sparkline.svg(c.history(), now)).append("<div class=\"sum\">").append(esc(Sparkline.summary(c.history()))).append("</div></div>");
        }
        b.append("</div>").append(Sparkline.legend());
        List<Run> runs = new ArrayList<>();
        j.regions().forEach(c -> runs.addAll(c.history()));
        runs.sort(Comparator.comparing(Run::startedAt).thenComparing(Run::attempt).reversed());
        long failed = runs.stream().filter(r -> !r.passed()).count();
        b.append("<details id=\"history-").append(id).append('"').append(j.state() == State.UP ? "" : " open").append("><summary>History: ")
                .append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(", ").append(failed).append(" failed</summary>");
        if (!runs.isEmpty()) {
            b.append("<div class=\"scroll\"><table class=\"history\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Region</th>")
                    .append("<th scope=\"col\">Result</th><th scope=\"col\">Took</th></tr></thead><tbody>");
            for (Run r : runs) history(b, r, now);
            b.append("</tbody></table></div>");
        }
        b.append("</details></section>\n");
    }

    private static void history(StringBuilder b, Run r, Instant now) {
        b.append(r.passed() ? "<tr>" : "<tr class=\"r-fail\">").append("<td><time datetime=\"").append(r.startedAt()).append("\">")
                .append(esc(Words.time(r.startedAt(), now))).append("</time></td><td>").append(esc(r.region())).append("</td><td>");
        b.append(r.passed() ? "<span class=\"good\">passed</span>" : "<span class=\"bad\">failed</span>");
        if (r.retry()) b.append(" <span class=\"when\">(retry ").append(r.attempt() - 1).append(")</span>");
        r.failure().ifPresent(f -> {
            failure(b, f);
            if (!f.detail().equals(f.message())) b.append("<div class=\"detail\">").append(esc(Words.oneLine(f.detail(), 500))).append("</div>");
            b.append("<div class=\"detail\">").append(esc(f.url())).append("</div>");
            f.traceId().ifPresent(id -> b.append("<div class=\"detail\">trace <code class=\"trace\">").append(id).append("</code></div>"));
        });
        b.append("</td><td>").append(esc(Words.duration(r.duration()))).append("</td></tr>");
    }
}
