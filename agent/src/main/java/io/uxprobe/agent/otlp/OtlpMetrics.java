package io.uxprobe.agent.otlp;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.ipc.http.HttpSender;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import io.micrometer.registry.otlp.AggregationTemporality;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.uxprobe.agent.log.RunLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Micrometer's OTLP registry, set up so that what it pushes reads as {@code /metrics} does: the Prometheus names
 * ({@code uxprobe_journey_runs_total}, {@code uxprobe_step_duration_seconds}), seconds as the time unit, cumulative
 * sums, the same labels as attributes. What still differs is in docs/metrics.md.
 */
final class OtlpMetrics {

    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /**
     * Micrometer's own lines (a start banner, a stack trace per failed push) go to java.util.logging in another
     * format: the agent's log says what matters instead. Held here, as java.util.logging keeps loggers weakly.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.micrometer.registry.otlp"),
            Logger.getLogger("io.micrometer.core.instrument.push"));

    private OtlpMetrics() {}

    static MeterRegistry registry(OtlpSettings settings, String version, RunLog log) {
        QUIET.forEach(l -> l.setLevel(Level.OFF));
        String url = settings.metrics().orElseThrow().toString();
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("service.version", version);
        resource.putAll(settings.resource());
        OtlpConfig config = new OtlpConfig() {
            @Override
            public String get(String key) {
                return null; // every setting is given below; Micrometer's own reading of OTEL_* variables is not used
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration step() {
                return settings.metricsInterval();
            }

            @Override
            public Map<String, String> headers() {
                return settings.metricsHeaders();
            }

            @Override
            public Map<String, String> resourceAttributes() {
                return resource;
            }

            @Override
            public AggregationTemporality aggregationTemporality() {
                return AggregationTemporality.CUMULATIVE;
            }

            @Override
            public TimeUnit baseTimeUnit() {
                return TimeUnit.SECONDS;
            }
        };
        OtlpMeterRegistry registry = OtlpMeterRegistry.builder(config)
                .metricsSender(new OtlpHttpMetricsSender(new Logged(new HttpUrlConnectionSender(Duration.ofSeconds(5), Duration.ofSeconds(10)), url, log)))
                .build();
        registry.config().namingConvention(new PrometheusNames());
        return registry;
    }

    /**
     * The names {@code /metrics} shows. Micrometer's Prometheus convention leaves {@code _total} and {@code _info} to
     * the Prometheus client, which adds them as it writes the exposition: here they are added to the name itself.
     */
    private static final class PrometheusNames implements NamingConvention {

        private final NamingConvention prometheus = new PrometheusNamingConvention();

        @Override
        public String name(String name, Meter.Type type, String baseUnit) {
            String converted = prometheus.name(name, type, baseUnit);
            if (type == Meter.Type.COUNTER && !converted.endsWith("_total")) return converted + "_total";
            if (name.endsWith(".info") && !converted.endsWith("_info")) return converted + "_info";
            return converted;
        }

        @Override
        public String tagKey(String key) {
            return prometheus.tagKey(key);
        }
    }

    /** Says on the agent's log when a push fails (Micrometer's own logging goes nowhere here), at most once a minute. */
    private record Logged(HttpSender sender, String url, RunLog log, AtomicLong lastLogged) implements HttpSender {

        Logged(HttpSender sender, String url, RunLog log) {
            this(sender, url, log, new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
        }

        @Override
        public Response send(Request request) throws Throwable {
            try {
                Response response = sender.send(request);
                if (!response.isSuccessful()) failed("HTTP " + response.code());
                return response;
            } catch (Throwable e) {
                failed(String.valueOf(e.getMessage()));
                throw e;
            }
        }

        private void failed(String why) {
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
                log.error("OTLP metrics push failed", RunLog.fields("endpoint", url, "error", why));
            }
        }
    }
}
