package io.uxprobe.agent.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uxprobe.probes.template.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where spans and metrics go, from --otlp-endpoint and the standard OTEL_* variables, and what is refused. */
class OtlpSettingsTest {

    static OtlpSettings resolve(String flag, Map<String, String> env) throws OtlpSettings.Invalid {
        return OtlpSettings.resolve(Optional.ofNullable(flag), Environment.of(env));
    }

    @Test
    void nothingSetIsNoExport() throws Exception {
        assertThat(resolve(null, Map.of())).isEqualTo(OtlpSettings.NONE);
        assertThat(OtlpSettings.NONE.any()).isFalse();
        assertThat(OtlpSettings.NONE.description()).isEqualTo("off");
    }

    @ParameterizedTest
    @CsvSource({
            "http://collector:4318, http://collector:4318/v1/traces, http://collector:4318/v1/metrics",
            "http://collector:4318/, http://collector:4318/v1/traces, http://collector:4318/v1/metrics",
            "https://otlp.example.com/otlp, https://otlp.example.com/otlp/v1/traces, https://otlp.example.com/otlp/v1/metrics",
    })
    void aBaseEndpointGetsEachSignalsPath(String base, String traces, String metrics) throws Exception {
        for (OtlpSettings s : new OtlpSettings[] {resolve(base, Map.of()), resolve(null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", base))}) {
            assertThat(s.traces()).contains(URI.create(traces));
            assertThat(s.metrics()).contains(URI.create(metrics));
        }
    }

    @Test
    void aSignalsOwnEndpointIsUsedAsWrittenAndAloneSendsOnlyThatSignal() throws Exception {
        OtlpSettings s = resolve(null, Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo:4318/custom/path"));
        assertThat(s.traces()).contains(URI.create("http://tempo:4318/custom/path"));
        assertThat(s.metrics()).isEmpty();
    }

    @Test
    void theFlagWinsOverEveryVariable() throws Exception {
        OtlpSettings s = resolve("http://flag:4318", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4318",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics-env:4318/v1/metrics"));
        assertThat(s.traces()).contains(URI.create("http://flag:4318/v1/traces"));
        assertThat(s.metrics()).contains(URI.create("http://flag:4318/v1/metrics"));
    }

    @Test
    void noneTurnsASignalOffAndTheSdkSwitchTurnsTheVariablesOff() throws Exception {
        OtlpSettings s = resolve(null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_METRICS_EXPORTER", "none"));
        assertThat(s.traces()).isPresent();
        assertThat(s.metrics()).isEmpty();
        assertThat(resolve(null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_SDK_DISABLED", "true"))).isEqualTo(OtlpSettings.NONE);
        assertThat(resolve("http://c:4318", Map.of("OTEL_SDK_DISABLED", "true")).any()).as("an explicit flag still counts").isTrue();
    }

    @Test
    void headersResourceAndIntervalComeFromTheStandardVariables() throws Exception {
        OtlpSettings s = resolve("http://c:4318", Map.of(
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cret%2Fkey, x-team=sre",
                "OTEL_EXPORTER_OTLP_METRICS_HEADERS", "x-team=metrics",
                "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,service.name=from-attributes",
                "OTEL_SERVICE_NAME", "synthetics",
                "OTEL_METRIC_EXPORT_INTERVAL", "15000"));
        assertThat(s.tracesHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "s3cret/key", "x-team", "sre"));
        assertThat(s.metricsHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "s3cret/key", "x-team", "metrics"));
        assertThat(s.resource()).containsEntry("service.name", "synthetics").containsEntry("deployment.environment", "prod");
        assertThat(s.metricsInterval()).isEqualTo(Duration.ofSeconds(15));
        // headers are secrets: what may be logged names them, never their values
        assertThat(s.description()).contains("api-key", "x-team").doesNotContain("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "collector:4318 | | --otlp-endpoint must be an http or https URL such as http://collector:4318, not 'collector:4318'",
            "ftp://c/ | | --otlp-endpoint must be an http or https URL such as http://collector:4318, not 'ftp://c/'",
            "http://user:pw@c:4318 | | --otlp-endpoint has a user and password in it: give credentials as a header in OTEL_EXPORTER_OTLP_HEADERS (such as Authorization=Basic%20...) instead",
            "http://c:4318 | OTEL_EXPORTER_OTLP_PROTOCOL=grpc | OTEL_EXPORTER_OTLP_PROTOCOL=grpc: uxprobe sends OTLP over HTTP (http/protobuf); point it at the collector's HTTP port (4318) and unset the variable",
            "http://c:4318 | OTEL_TRACES_EXPORTER=zipkin | OTEL_TRACES_EXPORTER=zipkin: uxprobe exports otlp or none",
            "http://c:4318 | OTEL_EXPORTER_OTLP_HEADERS=api-key | OTEL_EXPORTER_OTLP_HEADERS: entry 1 is not key=value (values are not shown)",
            "http://c:4318 | OTEL_EXPORTER_OTLP_HEADERS=api-key=%zz | OTEL_EXPORTER_OTLP_HEADERS: the value of api-key is not percent-encoded correctly (values are not shown)",
            "http://c:4318 | OTEL_METRIC_EXPORT_INTERVAL=10s | OTEL_METRIC_EXPORT_INTERVAL must be milliseconds, at least 1000, not '10s'",
    })
    void aBadSettingIsRefusedNamingWhereAndWhat(String flag, String variable, String message) {
        Map<String, String> env = variable == null ? Map.of() : Map.of(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        assertThatThrownBy(() -> resolve(flag, env)).isInstanceOf(OtlpSettings.Invalid.class).hasMessage(message);
    }

    @Test
    void aBadEndpointVariableIsNamed() {
        assertThatThrownBy(() -> resolve(null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4318")))
                .hasMessage("OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL such as http://collector:4318, not 'localhost:4318'");
    }
}
