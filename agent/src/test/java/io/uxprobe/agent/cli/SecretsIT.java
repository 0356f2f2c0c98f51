package io.uxprobe.agent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never leave uxprobe: the packaged jar runs as a separate process with the secret in its environment,
 * the server echoes it back in every way it can, and every byte uxprobe writes is searched for it.
 */
class SecretsIT {

    static final String PASSWORD = "hunter2-Pa55word";
    static final String FILE_SECRET = "file-s3cret-value";
    static final String TOKEN = "tok-9f8e7d6c5b4a";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    @TempDir
    Path dir;

    @Test
    void noSecretInOutputReportsOrLogs() throws Exception {
        // the login answers with a token; everything else fails, echoing the secrets back in body, headers and error text
        wm.stubFor(any(urlPathEqualTo("/api/login")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"token\":\"" + TOKEN + "\"}")));
        wm.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Echo", PASSWORD)
                .withBody("{\"error\":{\"message\":\"Something went wrong. Try again. password=" + PASSWORD + " token=" + TOKEN + " file=" + FILE_SECRET + "\"}}")));
        Path secretFile = dir.resolve("api-key.txt");
        Files.writeString(secretFile, FILE_SECRET + "\n");
        Path journeys = dir.resolve("journeys.yaml");
        Files.writeString(journeys, """
                vars:
                  base: http://127.0.0.1:%d
                  auth: "${secret:UXPROBE_PASSWORD}"
                journeys:
                  - name: login
                    steps:
                      - name: login
                        request:
                          method: POST
                          url: "${base}/api/login?pw=${secret:UXPROBE_PASSWORD}"
                          json: { password: "${secret:UXPROBE_PASSWORD}", key: "${secret:API_KEY}" }
                        extract:
                          token: { jsonPath: "$.token", secret: true }
                      - name: profile
                        request:
                          url: "${base}/api/me?token=${token}&auth=${auth}"
                          headers: { Authorization: "Bearer ${token}", X-Key: "${secret:API_KEY}" }
                        expect:
                          bodyContains: "${auth}"
                  - name: assertion
                    steps:
                      - name: echo
                        request: { url: "${base}/echo/${secret:API_KEY}" }
                        errorSignatures: off
                        expect:
                          bodyContains: "welcome ${secret:UXPROBE_PASSWORD}"
                """.formatted(wm.getPort()));

        Path junit = dir.resolve("junit.xml");
        Path json = dir.resolve("report.json");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", System.getProperty("uxprobe.jar"),
                "run", journeys.toString(), "--report-junit", junit.toString(), "--report-json", json.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("UXPROBE_PASSWORD", PASSWORD);
        pb.environment().put("API_KEY_FILE", secretFile.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String out = Files.readString(stdout);
        assertThat(p.exitValue()).as(out + Files.readString(stderr)).isEqualTo(ExitCodes.FAILED);
        // the run really went where the secrets are: the error message was seen, and the asserting step failed
        assertThat(out).contains("error_message", "something_went_wrong", "***", "assertion: body does not contain");
        assertThat(wm.getAllServeEvents()).hasSize(3);

        for (Path written : List.of(stdout, stderr, junit, json)) {
            String text = Files.readString(written, StandardCharsets.UTF_8);
            for (String secret : List.of(PASSWORD, FILE_SECRET, TOKEN)) {
                assertThat(text).as("%s must not contain %s", written.getFileName(), secret).doesNotContain(secret);
            }
        }
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.filter(f -> f.toString().endsWith(".log"))).isEmpty();
        }
    }

    static String javaBin() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
