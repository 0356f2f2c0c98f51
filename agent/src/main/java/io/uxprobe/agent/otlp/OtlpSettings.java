package io.uxprobe.agent.otlp;

import io.uxprobe.probes.template.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the agent sends OTLP/HTTP, from {@code --otlp-endpoint} or the standard OpenTelemetry variables
 * (https://opentelemetry.io/docs/specs/otel/protocol/exporter/): a base endpoint gets {@code /v1/traces} and
 * {@code /v1/metrics} appended, a signal's own endpoint is used as written. No OpenTelemetry class is touched here:
 * without an endpoint none is ever loaded.
 *
 * @param traces where journey runs' spans go; empty: no spans are exported
 * @param metrics where the metrics go; empty: none are pushed ({@code /metrics} is served either way)
 * @param tracesHeaders sent with every span export, such as an API key: secret, never shown
 * @param metricsHeaders the same for metrics
 * @param resource attributes of the resource the agent is: {@code service.name} and {@code OTEL_RESOURCE_ATTRIBUTES}
 * @param metricsInterval how often metrics are pushed
 */
public record OtlpSettings(Optional<URI> traces, Optional<URI> metrics, Map<String, String> tracesHeaders,
        Map<String, String> metricsHeaders, Map<String, String> resource, Duration metricsInterval) {

    /** No export at all. */
    public static final OtlpSettings NONE = new OtlpSettings(Optional.empty(), Optional.empty(), Map.of(), Map.of(),
            Map.of("service.name", "uxprobe"), Duration.ofMinutes(1));

    /** A setting that cannot be used, named with what to do; never quotes a header's value. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    public OtlpSettings {
        tracesHeaders = Map.copyOf(tracesHeaders);
        metricsHeaders = Map.copyOf(metricsHeaders);
        resource = Map.copyOf(resource);
    }

    public boolean any() {
        return traces.isPresent() || metrics.isPresent();
    }

    /**
     * @param endpoint {@code --otlp-endpoint}: the collector's base URL, such as {@code http://collector:4318}; it wins
     *     over every {@code OTEL_EXPORTER_OTLP_*ENDPOINT} variable
     */
    public static OtlpSettings resolve(Optional<String> endpoint, Environment env) throws Invalid {
        if (env.variable("OTEL_SDK_DISABLED").filter(v -> v.strip().equalsIgnoreCase("true")).isPresent() && endpoint.isEmpty()) {
            return NONE;
        }
        Optional<URI> base = Optional.empty();
        Optional<String> fromEnv = env.variable("OTEL_EXPORTER_OTLP_ENDPOINT").filter(v -> !v.isBlank());
        if (endpoint.isPresent()) {
            base = Optional.of(uri(endpoint.get(), "--otlp-endpoint"));
        } else if (fromEnv.isPresent()) {
            base = Optional.of(uri(fromEnv.get(), "OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        Optional<URI> traces = signal("TRACES", "v1/traces", endpoint.isPresent(), base, env);
        Optional<URI> metrics = signal("METRICS", "v1/metrics", endpoint.isPresent(), base, env);
        if (traces.isEmpty() && metrics.isEmpty()) return NONE;
        Map<String, String> common = headers("OTEL_EXPORTER_OTLP_HEADERS", env);
        Map<String, String> resource = new LinkedHashMap<>(pairs("OTEL_RESOURCE_ATTRIBUTES", env));
        resource.put("service.name", env.variable("OTEL_SERVICE_NAME").filter(v -> !v.isBlank()).map(String::strip)
                .orElse(resource.getOrDefault("service.name", "uxprobe")));
        return new OtlpSettings(traces, metrics, merged(common, headers("OTEL_EXPORTER_OTLP_TRACES_HEADERS", env)),
                merged(common, headers("OTEL_EXPORTER_OTLP_METRICS_HEADERS", env)), resource, interval(env));
    }

    private static Optional<URI> signal(String signal, String path, boolean flag, Optional<URI> base, Environment env) throws Invalid {
        String exporter = "OTEL_" + signal + "_EXPORTER";
        String chosen = env.variable(exporter).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("otlp");
        if (chosen.equals("none")) return Optional.empty();
        if (!chosen.equals("otlp")) throw new Invalid(exporter + "=" + chosen + ": uxprobe exports otlp or none");
        for (String protocol : new String[] {"OTEL_EXPORTER_OTLP_" + signal + "_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"}) {
            Optional<String> p = env.variable(protocol).map(String::strip).filter(v -> !v.isEmpty());
            if (p.isPresent() && !p.get().equals("http/protobuf")) {
                throw new Invalid(protocol + "=" + p.get() + ": uxprobe sends OTLP over HTTP (http/protobuf); point it at the collector's "
                        + "HTTP port (4318) and unset the variable");
            }
            if (p.isPresent()) break;
        }
        String own = "OTEL_EXPORTER_OTLP_" + signal + "_ENDPOINT";
        Optional<String> ownValue = env.variable(own).filter(v -> !v.isBlank());
        if (!flag && ownValue.isPresent()) return Optional.of(uri(ownValue.get(), own));
        // the base's path is kept: http://host:4318/otlp -> http://host:4318/otlp/v1/traces
        return base.map(b -> URI.create(b.toString().endsWith("/") ? b + path : b + "/" + path));
    }

    private static URI uri(String value, String where) throws Invalid {
        try {
            URI u = new URI(value.strip());
            if (u.getRawUserInfo() != null) {
                throw new Invalid(where + " has a user and password in it: give credentials as a header in OTEL_EXPORTER_OTLP_HEADERS "
                        + "(such as Authorization=Basic%20...) instead");
            }
            String scheme = Optional.ofNullable(u.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawQuery() == null && u.getRawFragment() == null) {
                return u.getRawPath() == null || u.getRawPath().isEmpty() ? u.resolve("/") : u;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new Invalid(where + " must be an http or https URL such as http://collector:4318, not '" + value.strip() + "'");
    }

    /** {@code key=value,key2=value2}, values percent-encoded: the OpenTelemetry header format. */
    private static Map<String, String> headers(String variable, Environment env) throws Invalid {
        return pairs(variable, env);
    }

    private static Map<String, String> pairs(String variable, Environment env) throws Invalid {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<String> value = env.variable(variable);
        if (value.isEmpty() || value.get().isBlank()) return out;
        int n = 0;
        for (String pair : value.get().split(",")) {
            n++;
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String key = eq > 0 ? pair.substring(0, eq).strip() : "";
            if (key.isEmpty()) throw new Invalid(variable + ": entry " + n + " is not key=value (values are not shown)");
            try {
                out.put(key, URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Invalid(variable + ": the value of " + key + " is not percent-encoded correctly (values are not shown)");
            }
        }
        return out;
    }

    private static Map<String, String> merged(Map<String, String> common, Map<String, String> own) {
        Map<String, String> out = new LinkedHashMap<>(common);
        out.putAll(own);
        return out;
    }

    private static Duration interval(Environment env) throws Invalid {
        Optional<String> ms = env.variable("OTEL_METRIC_EXPORT_INTERVAL").map(String::strip).filter(v -> !v.isEmpty());
        if (ms.isEmpty()) return NONE.metricsInterval();
        try {
            long millis = Long.parseLong(ms.get());
            if (millis >= 1000) return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Invalid("OTEL_METRIC_EXPORT_INTERVAL must be milliseconds, at least 1000, not '" + ms.get() + "'");
    }

    /** What a log line may say: where spans and metrics go, never the headers' values. */
    public String description() {
        if (!any()) return "off";
        return "traces " + traces.map(URI::toString).orElse("off") + ", metrics " + metrics.map(u -> u + " every " + metricsInterval.toSeconds() + "s").orElse("off")
                + (tracesHeaders.isEmpty() && metricsHeaders.isEmpty() ? "" : ", with headers " + String.join(", ", merged(tracesHeaders, metricsHeaders).keySet()));
    }

    @Override
    public String toString() {
        return "OtlpSettings[" + description() + "]";
    }
}
