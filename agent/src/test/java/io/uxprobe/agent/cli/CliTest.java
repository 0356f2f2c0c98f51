package io.uxprobe.agent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CliTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    @TempDir
    Path dir;

    @BeforeEach
    void healthyService() {
        wm.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token\":\"t-1\"}")));
        wm.stubFor(get("/api/me").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"name\":\"Ada\"}")));
        wm.stubFor(get("/api/search?q=jazz&limit=10").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"results\":[{\"id\":7,\"title\":\"So What\"}]}")));
    }

    String base() {
        return "http://127.0.0.1:" + wm.getPort();
    }

    static Path example(String name) {
        return Path.of("..", "examples", "journeys", name);
    }

    @Test
    void runPassesAndWritesReports() throws Exception {
        Path junit = dir.resolve("reports/junit.xml");
        Path json = dir.resolve("reports/report.json");
        Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "run", example("login.yaml").toString(), example("search.yaml").toString(),
                "--var", "base=" + base(), "--region", "eu-west", "--report-junit", junit.toString(), "--report-json", json.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.out()).contains("PASS login", "PASS search", "  ok    profile  GET " + base() + "/api/me  200",
                "2 journeys: 2 passed, 0 failed (region eu-west)");
        assertThat(r.out()).containsPattern("ttfb [\\d.]+ms");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("region").asText()).isEqualTo("eu-west");
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.at("/journeys/0/steps/0/status").asInt()).isEqualTo(200);
        assertThat(report.at("/journeys/0/steps/0/phasesSeconds/ttfb").asDouble()).isPositive();

        // the login journey's trace: the id its requests carried, a span per step
        String traceparent = wm.getAllServeEvents().reversed().getFirst().getRequest().getHeader("traceparent");
        assertThat(traceparent).isEqualTo("00-" + report.at("/journeys/0/traceId").asText() + "-" + report.at("/journeys/0/steps/0/spanId").asText() + "-01");
        assertThat(report.at("/journeys/0/steps/1/spanId").asText()).matches("[0-9a-f]{16}").isNotEqualTo(report.at("/journeys/0/steps/0/spanId").asText());
    }

    @Test
    void aFailingJourneyExitsOneAndSaysWhy() throws Exception {
        wm.stubFor(get("/api/me").willReturn(aResponse().withStatus(503)));
        Path junit = dir.resolve("junit.xml");
        Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "run", example("login.yaml").toString(), "--var", "base=" + base(),
                "--report-junit", junit.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL login", "  FAIL  profile", "http_status: expected status 200, got 503");
        String traceId = wm.getAllServeEvents().getFirst().getRequest().getHeader("traceparent").substring(3, 35);
        assertThat(r.out()).containsPattern("FAIL login  [0-9.]+m?s  trace " + traceId);
        Element failure = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("http_status");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("profile");
    }

    @Test
    void anInvalidFileExitsTwoAndRunsNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                journeys:
                  - name: home
                    steps:
                      - name: index
                        request: { url: "%s/api/me" }
                        expct: { status: 200 }
                """.formatted(base()));
        Cli r = Cli.run("run", bad.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("uxprobe: " + bad + ":6:9: unknown key 'expct' in step 'index'; expected one of: name, request, expect, "
                + "extract, stream, errorSignatures, timeout, maxBodySize (did you mean 'expect'?)\n");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingSecretIsAnInvalidFile() {
        Cli r = Cli.run("run", example("login.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("login.yaml:16:", "secret UXPROBE_PASSWORD is not set");
    }

    @Test
    void validateReportsEachFile() {
        Cli ok = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "validate", example("login.yaml").toString(), example("playback.yaml").toString());
        assertThat(ok.exitCode()).isEqualTo(ExitCodes.PASSED);
        assertThat(ok.out()).contains("login.yaml: ok (1 journey: login; 2 steps)", "playback.yaml: ok (1 journey: playback; 2 steps)");
    }

    @Test
    void aFolderStandsForItsJourneyFiles() {
        Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "validate", Path.of("..", "examples", "journeys").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.out()).contains("listen.yaml: ok", "login.yaml: ok", "playback.yaml: ok", "search.yaml: ok");

        Cli empty = Cli.run("validate", dir.toString());
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains(dir + ": no journey files (*.yaml, *.yml) in this folder");
    }

    @Test
    void validateFindsDuplicateJourneysAcrossFiles() {
        Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "validate", example("login.yaml").toString(), example("login.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("duplicate journey name 'login' (first at ");
    }

    @Test
    void everyExampleJourneyIsValid() throws Exception {
        try (var files = Files.list(Path.of("..", "examples", "journeys"))) {
            String[] args = files.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted().toArray(String[]::new);
            assertThat(args).hasSizeGreaterThanOrEqualTo(4);
            for (String file : args) {
                Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "validate", file);
                assertThat(r.exitCode()).as(file + ": " + r.err()).isEqualTo(ExitCodes.PASSED);
            }
        }
    }

    @Test
    void theKubernetesExampleCarriesTheExampleJourneysUnchanged() throws Exception {
        // kustomize cannot read files outside its folder, so the per-region base holds copies
        Path examples = Path.of("..", "examples", "journeys");
        Path copies = Path.of("..", "examples", "kubernetes", "per-region", "base", "journeys");
        try (var files = Files.list(examples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(copies.resolve(f.getFileName())).as("copy of " + f).hasSameTextualContentAs(f);
            }
        }
    }

    @Test
    void onlyTheNamedJourneyRuns() {
        Cli r = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "run", example("login.yaml").toString(), example("search.yaml").toString(),
                "--var", "base=" + base(), "--journey", "search");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.out()).contains("PASS search").doesNotContain("login");

        Cli unknown = Cli.run(Map.of("UXPROBE_PASSWORD", "pw"), "run", example("search.yaml").toString(), "--journey", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no journey named nope");
    }

    @Test
    void checkProbesOneUrl() {
        Cli r = Cli.run("check", base() + "/api/me");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.out()).contains("PASS check", "ok    127.0.0.1  GET " + base() + "/api/me  200");
    }

    @Test
    void checkFailsOnAStatusOrATextTheUserSees() {
        Cli status = Cli.run("check", base() + "/api/me", "--expect-status", "201");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(status.out()).contains("http_status: expected status 201, got 200");

        wm.stubFor(get("/shop").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><p>Tickets:  SOLD   out</p><script>var s='Sold out soon'</script></body></html>")));
        Cli text = Cli.run("check", base() + "/shop", "--fail-if-body", "sold out");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(text.out()).contains("error_message: error message shown (fail_if_body_1): \"Tickets: SOLD out\"");

        Cli regex = Cli.run("check", base() + "/shop", "--fail-if-body", "/tickets:\\s+sold/");
        assertThat(regex.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.run("check", base() + "/shop", "--fail-if-body", "sold out soon").exitCode())
                .as("text inside a script is not shown to the user").isEqualTo(ExitCodes.PASSED);

        wm.stubFor(get("/soft").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"data\":null,\"error\":{\"message\":\"Something went wrong. Try again.\"}}")));
        Cli soft = Cli.run("check", base() + "/soft");
        assertThat(soft.exitCode()).as("a soft 200 with the catalog's banner").isEqualTo(ExitCodes.FAILED);
        assertThat(soft.out()).contains("  200  ", "error_message: error message shown (something_went_wrong)");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(Cli.run("run").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("check", "not-a-url").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("check", base(), "--expect-status", "2zz").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli typo = Cli.run("runn");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).isEqualTo("uxprobe: unknown command runn (did you mean run?)\n");
        assertThat(Cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpAndVersion() {
        for (String command : new String[] {"run", "check", "validate"}) {
            Cli help = Cli.run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: uxprobe " + command);
        }
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("uxprobe 0.").contains("Java 25");
    }
}
