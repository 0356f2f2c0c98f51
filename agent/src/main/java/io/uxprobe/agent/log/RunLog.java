package io.uxprobe.agent.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's log: one line per journey run, plus what the agent itself does (loads, reloads, stops).
 * {@code text} is logfmt, as Prometheus and its exporters write; {@code json} is one object per line.
 * Everything logged is already redacted: results carry no secret, and messages are ours. Every value is made
 * {@link Printable}, so a server's escape sequences never reach the terminal that tails the log.
 */
public final class RunLog {

    public enum Format { TEXT, JSON }

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;
    private final Format format;
    private final Clock clock;

    public RunLog(PrintWriter out, Format format, Clock clock) {
        this.out = out;
        this.format = format;
        this.clock = clock;
    }

    /**
     * One line for a journey run: journey, region, result, duration, its trace id (when it sent trace context), and
     * for a failure the step, reason and detail.
     */
    public void run(String region, JourneyResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("journey", result.journey());
        fields.put("region", region);
        fields.put("result", result.passed() ? "success" : "failure");
        fields.put("duration", seconds(result.duration().toNanos()));
        result.trace().ifPresent(t -> fields.put("trace_id", t.traceId()));
        result.failedStep().ifPresent(step -> failure(step, fields));
        write(result.passed() ? "info" : "warn", "journey run", fields);
    }

    /** "0.212s": milliseconds, as {@code %.3fs} would print them, without a Formatter on every run. */
    static String seconds(long nanos) {
        long ms = Math.round(nanos / 1e6);
        String frac = Long.toString(1000 + ms % 1000).substring(1);
        return (ms / 1000) + "." + frac + "s";
    }

    private static void failure(StepResult step, Map<String, Object> fields) {
        fields.put("step", step.name());
        step.status().ifPresent(code -> fields.put("status", code));
        step.failure().ifPresent(f -> {
            fields.put("reason", f.reason().label());
            f.signature().ifPresent(s -> fields.put("signature", s));
            fields.put("detail", f.detail());
        });
    }

    /** Fields in the order given: {@code fields("journey", name, "region", region)}; log lines read the same every time. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) out.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        return out;
    }

    public void info(String message, Map<String, ?> fields) {
        write("info", message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write("error", message, fields);
    }

    private synchronized void write(String level, String message, Map<String, ?> fields) {
        String time = clock.instant().toString();
        out.println(format == Format.JSON ? json(time, level, message, fields) : logfmt(time, level, message, fields));
        out.flush();
    }

    private static String logfmt(String time, String level, String message, Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("time=").append(time).append(" level=").append(level).append(" msg=").append(quoted(Printable.line(message)));
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(quoted(Printable.line(String.valueOf(v)))));
        return b.toString();
    }

    /** logfmt quotes a value only when it has spaces, quotes or '='. */
    private static String quoted(String v) {
        if (isPlain(v)) return v;
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    private static boolean isPlain(String v) {
        if (v.isEmpty()) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\') return false;
        }
        return true;
    }

    private static String json(String time, String level, String message, Map<String, ?> fields) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", time);
            g.writeStringField("level", level);
            g.writeStringField("msg", Printable.line(message));
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                if (e.getValue() instanceof Number n) g.writeNumberField(e.getKey(), n.longValue());
                else g.writeStringField(e.getKey(), Printable.line(String.valueOf(e.getValue())));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
