package io.uxprobe.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.testing.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line mistakes are usage errors: exit 2, one line that says what to do, and not one request sent. */
class UsageErrorsTest {

    @TempDir
    Path dir;
    RawServer server;
    Path file;

    @BeforeEach
    void journey() throws Exception {
        server = new RawServer((socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
        file = dir.resolve("home.yaml");
        Files.writeString(file, """
                vars: { base: "http://127.0.0.1:1", path: "/" }
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "${base}${path}" }
                """);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    Cli usageError(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
        assertThat(r.err()).startsWith("uxprobe: ");
        assertThat(r.out()).as("nothing ran").isEmpty();
        assertThat(server.connections.get()).as("nothing was sent").isZero();
        return r;
    }

    @Test
    void aVarWithoutAValueIsAUsageError() {
        assertThat(usageError("run", file.toString(), "--var", "base").err())
                .contains("--var base has no value: write --var base=VALUE (--var base= sets it empty)");
        assertThat(usageError("validate", file.toString(), "--var", "base").err()).contains("--var base has no value");
    }

    @Test
    void aVarNoFileUsesIsAUsageErrorThatSaysWhichNamesTheFilesUse() {
        for (String command : new String[] {"run", "validate", "serve"}) {
            assertThat(usageError(command, file.toString(), "--var", "bsae=" + server.url("")).err())
                    .contains("--var bsae: no journey file uses this variable; the files use base, path");
        }
    }

    @Test
    void aVarTheFilesUseIsFineEvenEmpty() {
        Cli r = Cli.run("run", file.toString(), "--var", "base=" + server.url(""), "--var", "path=");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
    }

    @Test
    void aBadPushGatewayUrlIsAUsageErrorBeforeAnythingRuns() {
        assertThat(usageError("run", file.toString(), "--var", "base=" + server.url(""), "--push-gateway", "pushgateway:9091").err())
                .contains("--push-gateway: Pushgateway URL pushgateway:9091 is not an http(s) URL with a host");
        assertThat(usageError("run", file.toString(), "--push-gateway", "http://user:s3cret @gw:9091").err())
                .contains("is not a URL").doesNotContain("s3cret");
    }

    @Test
    void aPushJobWithoutAGatewayIsAUsageError() {
        assertThat(usageError("run", file.toString(), "--var", "base=" + server.url(""), "--push-job", "smoke").err())
                .contains("--push-job needs --push-gateway");
    }

    @Test
    void aTypoInAnOptionNamesOnlyThatOption() {
        assertThat(usageError("check", "--tiemout", "5s", server.url("/")).err())
                .isEqualTo("uxprobe: unknown option --tiemout (did you mean --timeout?)\n");
    }

    @Test
    void helpOfRunAndCheckNamesEveryExitCode() {
        for (String command : new String[] {"run", "check", "validate"}) {
            String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command).contains("3 when uxprobe itself broke");
        }
        assertThat(Cli.run("demo", "--help").out()).contains("[--regions=REGION=PORT,...]").doesNotContain("......");
    }

    @Test
    void validateNeedsNoSecretValues() throws Exception {
        Path secret = dir.resolve("secret.yaml");
        Files.writeString(secret, """
                journeys:
                  - name: login
                    steps:
                      - name: login
                        request: { url: "http://127.0.0.1:1/", headers: { Authorization: "Bearer ${secret:API_TOKEN}" } }
                """);
        Cli valid = Cli.run(Map.of(), "validate", secret.toString());
        assertThat(valid.exitCode()).as(valid.toString()).isEqualTo(ExitCodes.PASSED);
        Cli run = Cli.run(Map.of(), "run", secret.toString());
        assertThat(run.exitCode()).as("run needs the value").isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("secret API_TOKEN is not set");
        Files.writeString(secret, Files.readString(secret).replace("${secret:API_TOKEN}", "${secret:api-token}"));
        assertThat(Cli.run(Map.of(), "validate", secret.toString()).err()).as("the name is still checked")
                .contains("'api-token' is not an environment variable name");
    }
}
