package io.uxprobe.agent.serve;

import io.uxprobe.agent.otlp.OtlpSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code uxprobe serve} was started.
 *
 * @param region from {@code --region} or {@code UXPROBE_REGION}; empty lets the file's {@code agent.region} decide
 * @param webConfig a Prometheus-style web config file (basic auth, TLS) for the endpoints
 * @param grace how long running journeys may finish after SIGTERM
 * @param watch reload when a journey file changes on disk
 * @param otlp where runs' spans and the metrics are also sent, over OTLP/HTTP
 */
public record ServeConfig(
        List<Path> files,
        Map<String, String> vars,
        Optional<String> region,
        InetSocketAddress listen,
        Optional<Path> webConfig,
        int maxConcurrency,
        Duration grace,
        boolean watch,
        OtlpSettings otlp) {

    public ServeConfig {
        files = List.copyOf(files);
        vars = Map.copyOf(vars);
    }

    /** An agent that sends nothing over OTLP. */
    public ServeConfig(List<Path> files, Map<String, String> vars, Optional<String> region, InetSocketAddress listen,
            Optional<Path> webConfig, int maxConcurrency, Duration grace, boolean watch) {
        this(files, vars, region, listen, webConfig, maxConcurrency, grace, watch, OtlpSettings.NONE);
    }
}
