package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static io.uxprobe.probes.journey.StepBuilder.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.StatusRange;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractor;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.testing.RawServer;
import io.uxprobe.probes.template.Variables;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JourneyRunnerTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    static HttpClients clients;
    JourneyRunner runner;

    @BeforeAll
    static void start() {
        clients = new HttpClients();
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @BeforeEach
    void reset() {
        runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
    }

    String url(String path) {
        return "http://127.0.0.1:" + wm.getPort() + path;
    }

    JourneyResult run(Journey j) {
        return runner.run(j, Variables.of(Map.of("base", url(""))), Redactor.none());
    }

    StepResult runStep(StepBuilder s) {
        return run(journey("j", s.build())).steps().getFirst();
    }

    static FailureReason reason(StepResult s) {
        return s.failure().orElseThrow(() -> new AssertionError("step passed: " + s)).reason();
    }

    @Test
    void loginCarriesTokenAndCookieToTheNextStep() {
        wm.stubFor(post("/api/login").withRequestBody(equalToJson("{\"username\":\"ada\",\"n\":1}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", "session=s-123; Path=/")
                        .withBody("{\"token\":\"t-42\"}")));
        wm.stubFor(get("/api/me").withHeader("Authorization", equalTo("Bearer t-42")).withCookie("session", equalTo("s-123"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"name\":\"Ada\"}")));

        Step login = step("login", "${base}/api/login").method("POST")
                .body(new Body.Json(new JsonTemplate.Obj(Map.of("username", new JsonTemplate.Str(template("ada")), "n", new JsonTemplate.Scalar(IntNode.valueOf(1))))))
                .extract(new Extraction("token", new Extractor.JsonPath("$.token", com.jayway.jsonpath.JsonPath.compile("$.token")), true))
                .build();
        Step me = step("profile", "${base}/api/me").header("Authorization", "Bearer ${token}")
                .expect(new Expectation.BodyContains(template("Ada"))).build();

        JourneyResult result = run(journey("login", login, me));

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.steps()).extracting(StepResult::status).extracting(s -> s.orElse(0)).containsExactly(200, 200);
        assertThat(result.steps().get(1).phases().get(Phase.TTFB)).isPositive();
    }

    @Test
    void stepsAfterAFailureAreSkipped() {
        wm.stubFor(get("/a").willReturn(aResponse().withStatus(503)));
        JourneyResult result = run(journey("j", step("a", url("/a")).build(), step("b", url("/b")).build()));

        assertThat(result.passed()).isFalse();
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.FAILED, Outcome.SKIPPED);
        assertThat(result.failure().orElseThrow().detail()).isEqualTo("expected status 2xx, got 503");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/b")));
    }

    @Test
    void unexpectedStatusIsHttpStatus() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(404)));
        StepResult s = runStep(step("x", url("/x")).expect(new Expectation.Status(List.of(StatusRange.exactly(200), StatusRange.exactly(206)))));
        assertThat(reason(s)).isEqualTo(FailureReason.HTTP_STATUS);
        assertThat(s.failure().get().detail()).isEqualTo("expected status 200 or 206, got 404");
        assertThat(s.status()).hasValue(404);
    }

    @Test
    void failedExpectationIsAssertion() {
        wm.stubFor(get("/x").willReturn(aResponse().withBody("Welcome")));
        StepResult s = runStep(step("x", url("/x")).expect(new Expectation.BodyMatches(Pattern.compile("tracks: \\d+"))));
        assertThat(reason(s)).isEqualTo(FailureReason.ASSERTION);
        assertThat(s.failure().get().detail()).contains("tracks: \\d+");
    }

    @Test
    void missingValueIsExtraction() {
        wm.stubFor(get("/x").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"a\":1}")));
        StepResult s = runStep(step("x", url("/x")).extract(new Extraction("t", new Extractor.Header("X-Token"), false)));
        assertThat(reason(s)).isEqualTo(FailureReason.EXTRACTION);
        assertThat(s.failure().get().detail()).isEqualTo("cannot extract t: header X-Token: missing");
    }

    @Test
    void unresolvableHostIsDns() {
        StepResult s = runStep(step("x", "http://no-such-host.invalid/"));
        assertThat(reason(s)).isEqualTo(FailureReason.DNS);
    }

    @Test
    void refusedPortIsConnect() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StepResult s = runStep(step("x", "http://127.0.0.1:" + port + "/"));
        assertThat(reason(s)).isEqualTo(FailureReason.CONNECT);
        assertThat(s.failure().get().detail()).startsWith("could not connect");
    }

    @Test
    void responseSlowerThanStepTimeoutIsTimeout() {
        wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3000)));
        StepResult s = runStep(step("x", url("/slow")).timeout(Duration.ofMillis(400)));
        assertThat(reason(s)).isEqualTo(FailureReason.TIMEOUT);
        assertThat(s.failure().get().detail()).isEqualTo("timed out after 400ms waiting for the response headers");
        assertThat(s.duration()).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void dribbledBodyPastTheDeadlineIsTimeout() {
        // every byte arrives well within any read timeout, but the whole body takes 4s: only a call deadline catches it
        wm.stubFor(get("/dribble").willReturn(aResponse().withBody("x".repeat(40)).withChunkedDribbleDelay(40, 4000)));
        StepResult s = runStep(step("x", url("/dribble")).timeout(Duration.ofMillis(800)));
        assertThat(reason(s)).isEqualTo(FailureReason.TIMEOUT);
        assertThat(s.failure().get().detail()).isEqualTo("timed out after 800ms reading the body");
        assertThat(s.duration()).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void journeyDeadlineCutsTheRunShort() {
        wm.stubFor(get("/a").willReturn(aResponse().withFixedDelay(400)));
        Journey j = journey("j", StepBuilder.withTimeout(Duration.ofMillis(1000)),
                step("a", url("/a")).build(), step("b", url("/a")).build(), step("c", url("/a")).build());
        JourneyResult result = run(j);
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.FAILED);
        assertThat(result.failure().get().reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(result.failure().get().detail()).startsWith("journey timeout 1s reached: timed out after");
        assertThat(result.duration()).isLessThan(Duration.ofMillis(1300));
    }

    @Test
    void connectionResetIsProtocol() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        StepResult s = runStep(step("x", url("/x")));
        assertThat(reason(s)).isEqualTo(FailureReason.PROTOCOL);
        assertThat(s.failure().get().detail()).contains("connection reset");
    }

    @Test
    void emptyReplyIsProtocol() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        StepResult s = runStep(step("x", url("/x")));
        assertThat(reason(s)).isEqualTo(FailureReason.PROTOCOL);
        assertThat(s.failure().get().detail()).contains("closed the connection");
    }

    @Test
    void malformedChunkIsProtocol() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        StepResult s = runStep(step("x", url("/x")));
        assertThat(reason(s)).isEqualTo(FailureReason.PROTOCOL);
        assertThat(s.status()).hasValue(200);
    }

    @Test
    void randomDataIsProtocol() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        StepResult s = runStep(step("x", url("/x")));
        assertThat(reason(s)).isEqualTo(FailureReason.PROTOCOL);
    }

    @Test
    void bodyOverTheCapIsBodyTooLarge() throws Exception {
        // a declared length over the cap fails before a byte of the body is read
        try (RawServer declaring = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n");
            Thread.sleep(5000);
        })) {
            StepResult declared = runStep(step("x", declaring.url("/")).maxBody(DataSize.ofMiB(1)));
            assertThat(reason(declared)).isEqualTo(FailureReason.BODY_TOO_LARGE);
            assertThat(declared.failure().get().detail()).isEqualTo("body is larger than maxBodySize 1MiB (Content-Length: 2MiB)");
            assertThat(declared.duration()).isLessThan(Duration.ofSeconds(1));
        }

        // compressed by WireMock: the cap applies to what is read after decompression
        wm.stubFor(get("/big").willReturn(aResponse().withBody(new byte[2 * 1024 * 1024])));
        StepResult gzipped = runStep(step("x", url("/big")).maxBody(DataSize.ofMiB(1)));
        assertThat(reason(gzipped)).isEqualTo(FailureReason.BODY_TOO_LARGE);
        assertThat(gzipped.failure().get().detail()).isEqualTo("body is larger than maxBodySize 1MiB (stopped reading there)");

        // no Content-Length: the cap stops the reading itself
        try (RawServer chunked = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) {
                RawServer.write(out, Integer.toHexString(chunk.length) + "\r\n");
                out.write(chunk);
                RawServer.write(out, "\r\n");
            }
            RawServer.write(out, "0\r\n\r\n");
        })) {
            StepResult s = runStep(step("x", chunked.url("/")).maxBody(DataSize.ofKiB(256)));
            assertThat(reason(s)).isEqualTo(FailureReason.BODY_TOO_LARGE);
            assertThat(s.bytes()).isLessThan(300 * 1024);
        }
    }

    @Test
    void templatedUrlThatIsNoUrlIsConfig() {
        JourneyResult r = runner.run(journey("j", step("x", "${base}/x").build()), Variables.of(Map.of("base", "not a url")), Redactor.none());
        assertThat(reason(r.steps().getFirst())).isEqualTo(FailureReason.CONFIG);
        assertThat(r.failure().get().detail()).isEqualTo("'not a url/x' is not an http or https URL");
    }

    @Test
    void redirectsFollowOrNotPerStep() {
        wm.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
        wm.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));
        assertThat(runStep(step("x", url("/old"))).status()).hasValue(200);
        StepResult notFollowed = runStep(step("x", url("/old")).noRedirects()
                .expect(new Expectation.Status(List.of(StatusRange.exactly(302)))));
        assertThat(notFollowed.passed()).isTrue();
        assertThat(notFollowed.status()).hasValue(302);
    }

    @Test
    void exactlyOneRequestPerStepEvenWhenItFails() {
        wm.stubFor(get("/x").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        runStep(step("x", url("/x")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/x")));
    }

    @Test
    void secretsNeverAppearInResults() {
        wm.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(500).withBody("bad key hunter2")));
        Journey j = journey("j", step("x", "${base}/x?key=hunter2").header("X-Key", "hunter2")
                .expect(new Expectation.BodyContains(template("ok hunter2"))).build());
        JourneyResult r = runner.run(j, Variables.of(Map.of("base", url(""))), Redactor.of(List.of("hunter2")));
        assertThat(r.toString()).doesNotContain("hunter2").contains("***");
    }

    @Test
    void extractedSecretIsMaskedInLaterOutput() {
        wm.stubFor(get("/token").willReturn(aResponse().withHeader("X-Token", "tok-secret-9")));
        wm.stubFor(get(urlPathEqualTo("/use")).willReturn(aResponse().withStatus(401)));
        Journey j = journey("j",
                step("token", url("/token")).extract(new Extraction("tok", new Extractor.Header("X-Token"), true)).build(),
                step("use", url("/use?t=${tok}")).build());
        JourneyResult r = run(j);
        assertThat(r.passed()).isFalse();
        assertThat(r.toString()).doesNotContain("tok-secret-9");
        assertThat(r.steps().get(1).url()).endsWith("/use?t=***");
    }

    @Test
    void anHttp10ServerThatClosesAfterEachAnswerIsMetWithAFreshConnection() throws Exception {
        // as Python's http.server does: HTTP/1.0, no Connection header, the socket closed after the body
        try (RawServer http10 = new RawServer((socket, out) -> RawServer.write(out, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            JourneyResult r = run(journey("j", step("a", http10.url("/a")).build(), step("b", http10.url("/b")).build(),
                    step("c", http10.url("/c")).build()));
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(http10.connections.get()).isEqualTo(3);
        }
    }
}
