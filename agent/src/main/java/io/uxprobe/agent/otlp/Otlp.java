package io.uxprobe.agent.otlp;

import io.micrometer.core.instrument.MeterRegistry;
import io.uxprobe.agent.log.RunLog;
import java.util.Optional;

/**
 * The one door to OpenTelemetry and Micrometer's OTLP registry: their classes load only through here, and only when
 * an endpoint is set, so an agent without one pays nothing for them (serve's memory footprint matters).
 */
public final class Otlp {

    private Otlp() {}

    /** The journey runs' spans, exported over OTLP/HTTP when {@code settings} name a traces endpoint. */
    public static SpanExport spans(OtlpSettings settings, String version, RunLog log) {
        return settings.traces().isPresent() ? new OtlpSpans(settings, version, log) : SpanExport.NONE;
    }

    /** A registry that pushes every meter over OTLP/HTTP when {@code settings} name a metrics endpoint. */
    public static Optional<MeterRegistry> metrics(OtlpSettings settings, String version, RunLog log) {
        return settings.metrics().isPresent() ? Optional.of(OtlpMetrics.registry(settings, version, log)) : Optional.empty();
    }
}
