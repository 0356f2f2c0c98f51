package io.uxprobe.agent.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's metrics registry: every series carries the agent's {@code region} (journey series set their own
 * region, which wins), plus {@code uxprobe_build_info}, {@code uxprobe_config_last_reload_successful}, and JVM and
 * process series. {@link #registry()} is what {@code /metrics} scrapes and what {@link MetricsPush} pushes; a pushing
 * registry (OTLP) given beside it gets every meter too.
 */
public final class AgentMetrics implements AutoCloseable {

    public static final String BUILD_INFO = "uxprobe.build.info";
    public static final String CONFIG_LAST_RELOAD_SUCCESSFUL = "uxprobe.config.last.reload.successful";
    public static final String VERSION = "version";
    public static final String JAVA = "java";

    private final String region;
    private final PrometheusMeterRegistry registry;
    /** Where meters are registered: the Prometheus registry, or a composite of it and the pushing one. */
    private final MeterRegistry meters;
    private final Optional<MeterRegistry> pushed;
    private final JourneyMetrics journeys;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicInteger lastReloadSuccessful = new AtomicInteger(1);

    /**
     * @param region the agent's own region, e.g. {@code eu-west-1}
     * @param version uxprobe's version, for {@code uxprobe_build_info}
     */
    public AgentMetrics(String region, String version) {
        this(region, version, Optional.empty());
    }

    /** @param pushed a registry that pushes the same meters elsewhere (OTLP), closed with this */
    public AgentMetrics(String region, String version, Optional<MeterRegistry> pushed) {
        this.region = Objects.requireNonNull(region, "region");
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // without a pushing registry, meters go straight to Prometheus's: no composite on the path of every run
        this.pushed = pushed;
        meters = pushed.isEmpty() ? registry : new CompositeMeterRegistry(Clock.SYSTEM, List.of(registry, pushed.get()));
        // Filters before any meter: they only apply to meters registered after them.
        meters.config()
                .commonTags(JourneyMetrics.REGION, region)
                // Replaced by ProcessMetrics' process_cpu_seconds_total; promtool rejects _ns and a gauge named _count.
                .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count")));
        Gauge.builder(BUILD_INFO, () -> 1)
                .description("Always 1; the labels say which uxprobe and which Java run")
                .tags(VERSION, version, JAVA, System.getProperty("java.version", "unknown"))
                .register(meters);
        Gauge.builder(CONFIG_LAST_RELOAD_SUCCESSFUL, lastReloadSuccessful, AtomicInteger::get)
                .description("1 if the last load of the journey files succeeded, 0 if it failed (the agent keeps the journeys it had)")
                .register(meters);
        new JvmMemoryMetrics().bindTo(meters);
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        new FileDescriptorMetrics().bindTo(meters);
        new ProcessMetrics().bindTo(meters);
        journeys = new JourneyMetrics(meters);
    }

    public String region() {
        return region;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public JourneyMetrics journeys() {
        return journeys;
    }

    /** Sets {@code uxprobe_config_last_reload_successful}; 1 from the start, since the agent started on a good config. */
    public void configReloaded(boolean successful) {
        lastReloadSuccessful.set(successful ? 1 : 0);
    }

    /** The Prometheus text exposition (format 0.0.4) of every series. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        pushed.ifPresent(MeterRegistry::close); // a pushing registry sends its last values as it closes
        registry.close();
    }
}
