package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.template.Template;
import java.time.Duration;
import java.util.Map;

/**
 * Settings a journey runs with: built-in defaults, overridden by the file's {@code defaults:},
 * overridden by the journey's own keys.
 *
 * @param interval how often {@code serve} runs the journey
 * @param timeout deadline for a whole run
 * @param stepTimeout deadline for each step, unless the step sets its own
 * @param headers sent with every request (a step's own headers win)
 * @param maxBodySize bodies larger than this fail the step with {@code body_too_large}
 * @param followRedirects whether requests follow 3xx responses unless the request says otherwise
 * @param reuseConnections keep connections and DNS answers across runs instead of meeting the server as a new user
 * @param tls how servers are trusted
 * @param state when the journey's state changes, and its retries
 * @param traceContext whether requests carry a W3C {@code traceparent} (a trace per run, a span per step)
 */
public record Settings(
        Duration interval,
        Duration timeout,
        Duration stepTimeout,
        Map<String, Template> headers,
        DataSize maxBodySize,
        boolean followRedirects,
        boolean reuseConnections,
        Tls tls,
        StatePolicy state,
        boolean traceContext) {

    public static final Settings BUILT_IN = new Settings(
            Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(10),
            Map.of("User-Agent", Template.literal("uxprobe")), DataSize.ofMiB(10), true, false, Tls.DEFAULT, StatePolicy.DEFAULT, true);

    public Settings {
        headers = Map.copyOf(headers);
    }

    /** Settings that send trace context, as the built-in ones do. */
    public Settings(Duration interval, Duration timeout, Duration stepTimeout, Map<String, Template> headers, DataSize maxBodySize,
            boolean followRedirects, boolean reuseConnections, Tls tls, StatePolicy state) {
        this(interval, timeout, stepTimeout, headers, maxBodySize, followRedirects, reuseConnections, tls, state, true);
    }
}
