package io.uxprobe.probes.journey;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context (https://www.w3.org/TR/trace-context/): a trace id shared by a journey run and everything it
 * sends, and the id of one span in it. A run has one trace and one span of its own; each step that runs is a child
 * span, whose {@link #traceparent()} every request of the step carries (a redirect hop keeps the step's span), so a
 * backend's tracing joins the run's trace and a user can look the run's trace id up there.
 *
 * <p>Ids come from {@link ThreadLocalRandom}: they need to be unique, not secret, and this costs a few dozen
 * nanoseconds a step, where a probe's whole budget is about a millisecond.
 *
 * @param traceId 32 lowercase hex digits, never all zero
 * @param spanId 16 lowercase hex digits, never all zero
 */
public record TraceContext(String traceId, String spanId) {

    /** The request header that carries the context. */
    public static final String HEADER = "traceparent";

    private static final HexFormat HEX = HexFormat.of();

    public TraceContext {
        if (!isHex(traceId, 32) || !isHex(spanId, 16)) {
            throw new IllegalArgumentException("not a W3C trace context: trace id '" + traceId + "', span id '" + spanId + "'");
        }
    }

    /** A new trace, for a new run: the context names the run's own span. */
    public static TraceContext newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong();
        if (high == 0 && low == 0) low = 1;
        return new TraceContext(HEX.toHexDigits(high) + HEX.toHexDigits(low), newSpanId());
    }

    /** A new span in the same trace: a step of the run. */
    public TraceContext newSpan() {
        return new TraceContext(traceId, newSpanId());
    }

    /**
     * The header's value: version 00, this span as the parent of what the server does, and the sampled flag, so that
     * a backend sampling by its parent keeps the trace a user will come looking for.
     */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String newSpanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return HEX.toHexDigits(id);
    }

    private static boolean isHex(String s, int length) {
        if (s.length() != length) return false;
        boolean nonZero = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
            nonZero |= c != '0';
        }
        return nonZero;
    }
}
