package io.uxprobe.agent.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.probes.journey.JourneyResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Journey runs' spans over OTLP/HTTP, with the OpenTelemetry SDK's exporter: each run's spans are handed over as the
 * run ends and sent in the background. At most {@link #MAX_IN_FLIGHT} runs wait to be sent; past that a run's spans
 * are dropped and counted, so a slow collector never holds probes up or fills the heap. Failures are logged on the
 * agent's log, at most once a minute, with how many runs were lost.
 */
final class OtlpSpans implements SpanExport {

    static final int MAX_IN_FLIGHT = 64;
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The SDK's own warnings go to java.util.logging, in another format: the agent's log says it instead. */
    private static final Logger SDK_LOG = Logger.getLogger("io.opentelemetry");

    private final OtlpHttpSpanExporter exporter;
    private final Resource resource;
    private final InstrumentationScopeInfo scope;
    private final String endpoint;
    private final RunLog log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    OtlpSpans(OtlpSettings settings, String version, RunLog log) {
        SDK_LOG.setLevel(Level.OFF);
        this.endpoint = settings.traces().orElseThrow().toString();
        this.log = log;
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(Duration.ofSeconds(10));
        settings.tracesHeaders().forEach(builder::addHeader);
        this.exporter = builder.build();
        this.resource = resource(settings, version);
        this.scope = InstrumentationScopeInfo.builder("io.uxprobe").setVersion(version).build();
    }

    static Resource resource(OtlpSettings settings, String version) {
        AttributesBuilder a = Attributes.builder().put("service.version", version);
        settings.resource().forEach(a::put);
        return Resource.create(a.build());
    }

    @Override
    public void export(String region, JourneyResult result) {
        List<SpanData> spans = RunSpans.of(region, result, resource, scope);
        if (spans.isEmpty()) return;
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            failed("more than " + MAX_IN_FLIGHT + " runs waiting to be sent");
            return;
        }
        CompletableResultCode sent = exporter.export(spans);
        sent.whenComplete(() -> {
            inFlight.decrementAndGet();
            if (!sent.isSuccess()) failed(sent.getFailureThrowable() == null ? "the collector refused them" : String.valueOf(sent.getFailureThrowable().getMessage()));
        });
    }

    private void failed(String why) {
        long n = lost.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            lost.set(0);
            log.error("OTLP span export failed", RunLog.fields("endpoint", endpoint, "error", why, "runs_lost", n));
        }
    }

    @Override
    public void close(Duration within) {
        exporter.flush().join(within.toMillis(), TimeUnit.MILLISECONDS);
        exporter.shutdown().join(Math.max(within.toMillis(), 1), TimeUnit.MILLISECONDS);
    }
}
