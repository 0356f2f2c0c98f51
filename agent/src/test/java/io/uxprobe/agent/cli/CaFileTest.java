package io.uxprobe.agent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A CA file that is missing or holds a key is a usage error naming the file, found before anything runs, by validate too. */
class CaFileTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    Path key() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, new HeldCertificate.Builder().build().privateKeyPkcs8Pem());
        return key;
    }

    @Test
    void checkWithAMissingCaFileIsAUsageError() {
        Path missing = dir.resolve("missing.pem");
        Cli r = Cli.run("check", "--ca-file", missing.toString(), "https://127.0.0.1:" + wm.getHttpsPort() + "/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("uxprobe: --ca-file " + missing + ": no such file").doesNotContain("Exception");
        assertThat(wm.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void checkWithAKeyForACaFileIsAUsageError() throws Exception {
        Path key = key();
        Cli r = Cli.run("check", "--ca-file", key.toString(), "https://127.0.0.1:" + wm.getHttpsPort() + "/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--ca-file " + key + ": it holds a private key, not a certificate");
    }

    @Test
    void validateFindsAJourneyCaFileThatHoldsAKey() throws Exception {
        Path key = key();
        Path file = dir.resolve("tls.yaml");
        Files.writeString(file, """
                defaults:
                  tls: { caFile: key.pem }
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "https://127.0.0.1:%d/" }
                """.formatted(wm.getHttpsPort()));
        for (String command : new String[] {"validate", "run"}) {
            Cli r = Cli.run(command, file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains(file + ":2:18: CA file " + key + ": it holds a private key");
        }
    }

    @Test
    void checkOfAnUntrustedServerPointsAtCaFile() {
        wm.stubFor(get("/").willReturn(aResponse().withBody("ok")));
        Cli r = Cli.run("check", "https://127.0.0.1:" + wm.getHttpsPort() + "/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("tls: TLS handshake failed: the server's certificate is not trusted", "--ca-file");
    }
}
