package io.uxprobe.agent.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.uxprobe.probes.journey.Phase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /api/status}: the page's content as JSON (schema in docs/status-and-notifications.md). Times are RFC 3339
 * UTC, durations seconds; a field that does not apply is left out rather than null.
 */
public final class StatusApi implements HttpHandler {

    private static final JsonFactory JSON = new JsonFactory();

    private final StatusBoard board;

    public StatusApi(StatusBoard board) {
        this.board = board;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Replies.readOnly(exchange)) return;
            Replies.send(exchange, "application/json", render(board.snapshot()));
        }
    }

    public static String render(StatusSnapshot s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("generatedAt", s.at().toString());
            g.writeArrayFieldStart("regions");
            for (String r : s.regions()) g.writeString(r);
            g.writeEndArray();
            g.writeArrayFieldStart("journeys");
            for (JourneyStatus j : s.journeys()) journey(g, j);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void journey(JsonGenerator g, JourneyStatus j) throws IOException {
        g.writeStartObject();
        g.writeStringField("journey", j.journey());
        g.writeStringField("state", j.state().label());
        g.writeArrayFieldStart("regions");
        for (CellStatus c : j.regions()) cell(g, c);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void cell(JsonGenerator g, CellStatus c) throws IOException {
        g.writeStartObject();
        g.writeStringField("region", c.region());
        g.writeStringField("state", c.state().label());
        g.writeStringField("since", c.since().toString());
        g.writeNumberField("failureThreshold", c.thresholds().failureThreshold());
        g.writeNumberField("successThreshold", c.thresholds().successThreshold());
        g.writeNumberField("retries", c.thresholds().retries());
        g.writeNumberField("consecutiveFailures", c.consecutiveFailures());
        g.writeNumberField("consecutiveSuccesses", c.consecutiveSuccesses());
        run(g, "lastRun", c.lastRun());
        run(g, "lastFailure", c.lastFailure());
        g.writeArrayFieldStart("history");
        for (Run r : c.history()) run(g, r);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void run(JsonGenerator g, String field, Optional<Run> run) throws IOException {
        if (run.isEmpty()) return;
        g.writeFieldName(field);
        run(g, run.get());
    }

    private static void run(JsonGenerator g, Run r) throws IOException {
        g.writeStartObject();
        g.writeStringField("startedAt", r.startedAt().toString());
        g.writeNumberField("durationSeconds", seconds(r.duration()));
        g.writeStringField("result", r.passed() ? "success" : "failure");
        g.writeNumberField("attempt", r.attempt());
        g.writeObjectFieldStart("phasesSeconds");
        for (Phase p : Phase.values()) g.writeNumberField(p.label(), seconds(r.phases().get(p)));
        g.writeEndObject();
        if (r.failure().isPresent()) {
            RunFailure f = r.failure().get();
            g.writeObjectFieldStart("failure");
            g.writeStringField("step", f.step());
            g.writeStringField("reason", f.reason().label());
            g.writeStringField("message", f.message());
            g.writeStringField("detail", f.detail());
            if (f.signature().isPresent()) g.writeStringField("signature", f.signature().get());
            if (f.status().isPresent()) g.writeNumberField("status", f.status().getAsInt());
            g.writeStringField("url", f.url());
            if (f.traceId().isPresent()) g.writeStringField("traceId", f.traceId().get());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
