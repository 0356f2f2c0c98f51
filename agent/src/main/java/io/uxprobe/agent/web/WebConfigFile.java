package io.uxprobe.agent.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The web config file as written, key for key, in the format of Prometheus's {@code --web.config.file}
 * (exporter-toolkit). Every key Prometheus knows is here, so one it knows and we do not is refused by name rather
 * than called unknown. Absent keys are {@code null}: this is Jackson's view, checked by {@link WebConfigLoader}.
 */
record WebConfigFile(
        @JsonProperty("tls_server_config") Tls tls,
        @JsonProperty("http_server_config") Http http,
        @JsonProperty("basic_auth_users") Map<String, String> basicAuthUsers,
        @JsonProperty("rate_limit") JsonNode rateLimit) {

    record Tls(
            @JsonProperty("cert_file") String certFile,
            @JsonProperty("key_file") String keyFile,
            @JsonProperty("cert") String cert,
            @JsonProperty("key") String key,
            @JsonProperty("client_auth_type") String clientAuthType,
            @JsonProperty("client_ca_file") String clientCaFile,
            @JsonProperty("client_ca") String clientCa,
            @JsonProperty("min_version") String minVersion,
            @JsonProperty("max_version") String maxVersion,
            @JsonProperty("cipher_suites") List<String> cipherSuites,
            @JsonProperty("curve_preferences") List<String> curvePreferences,
            @JsonProperty("prefer_server_cipher_suites") Boolean preferServerCipherSuites,
            @JsonProperty("client_allowed_sans") JsonNode clientAllowedSans) {

        /** Whether any setting that turns TLS on is given, as exporter-toolkit decides it. */
        boolean enabled() {
            return certFile != null || keyFile != null || cert != null || key != null
                    || clientCaFile != null || clientCa != null || clientAuthType != null;
        }
    }

    record Http(@JsonProperty("http2") Boolean http2, @JsonProperty("headers") Map<String, String> headers) {}
}
