package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static io.uxprobe.probes.journey.StepBuilder.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.jayway.jsonpath.JsonPath;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.JsonMatcher;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractor;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every piece of work on a response ends within the step's deadline: a regex of the journey file's that backtracks
 * gives up on its budget, and slow work that stays within its budget stops at the deadline as a {@code timeout}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // before the fix these ran for minutes: fail, never hang the build
class DeadlineTest {

    static final String PAGE = "<!doctype html><title>Home</title><p>" + "All quiet on the home shelf. ".repeat(36_000) + "</p>";
    static final String AS = "a".repeat(20_000) + "!";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    static HttpClients clients;
    final JourneyRunner runner = new JourneyRunner(clients, ErrorDetector.catalogOnly(), Clock.systemUTC());

    @BeforeAll
    static void start() {
        clients = new HttpClients();
    }

    @BeforeEach
    void serve() { // the extension forgets stubs after each test
        wm.stubFor(get(urlPathEqualTo("/page")).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE)));
        wm.stubFor(get(urlPathEqualTo("/as")).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(AS)));
        wm.stubFor(get(urlPathEqualTo("/json")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"" + AS + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/xs")).willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("x".repeat(4 << 20))));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + wm.getPort() + path;
    }

    /** How long the last {@link #play} took on the wall clock: a step's duration counts only its HTTP exchange. */
    Duration took = Duration.ZERO;

    StepResult play(StepBuilder step) {
        long start = System.nanoTime();
        StepResult s = runner.run(journey("j", withTimeout(Duration.ofSeconds(20)), step.build()), Variables.empty(), Redactor.none())
                .steps().getFirst();
        took = Duration.ofNanos(System.nanoTime() - start);
        return s;
    }

    static Pattern bodyRegex(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Test
    void aBodyMatchesThatBacktracksOverALargePageGivesUpAndFailsTheStep() {
        StepResult s = play(step("home", url("/page")).timeout(Duration.ofSeconds(10))
                .expect(new Expectation.BodyMatches(bodyRegex(".*Welcome back.*"))));

        Failure f = s.failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.ASSERTION);
        assertThat(f.detail()).startsWith("bodyMatches /.*Welcome back.*/ not checked: the regex needed more than 128 steps per character")
                .contains("anchor it");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBodyMatchesThatFindsItsTextOnALargePageStillPasses() {
        StepResult s = play(step("home", url("/page")).expect(new Expectation.BodyMatches(bodyRegex(".*home shelf.*"))));

        assertThat(s.passed()).as("%s", s.failure()).isTrue();
    }

    @Test
    void aCatastrophicExtractRegexGivesUpAndFailsTheExtraction() {
        StepResult s = play(step("as", url("/as")).extract(new Extraction("v", new Extractor.Regex(Pattern.compile("((a+)+)$"), 1), false)));

        Failure f = s.failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.EXTRACTION);
        assertThat(f.detail()).contains("regex /((a+)+)$/ not checked: the regex needed more than 128 steps");
    }

    @Test
    void aCatastrophicJsonPathMatchesGivesUpAndFailsTheStep() {
        StepResult s = play(step("json", url("/json")).expect(new Expectation.JsonPath("$.name", JsonPath.compile("$.name"),
                List.of(new JsonMatcher.Matches(Pattern.compile("^(a+)+$"))))));

        Failure f = s.failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.ASSERTION);
        assertThat(f.detail()).contains("matches /^(a+)+$/ not checked");
    }

    @Test
    void slowWorkWithinItsBudgetStopsAtTheStepDeadlineAsATimeout() {
        // about 100 reads per character of a 4 MiB body: within the budget, and seconds of work
        StepResult s = play(step("xs", url("/xs")).timeout(Duration.ofMillis(800))
                .expect(new Expectation.BodyMatches(bodyRegex("x{0,50}y"))));

        Failure f = s.failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(f.detail()).isEqualTo("step timeout 800ms reached while checking the response");
        assertThat(took).as("ends at its deadline, not minutes later").isLessThan(Duration.ofMillis(800 + 1_000));
    }

    @Test
    void theJourneyDeadlineStopsTheWorkWhenItComesFirst() {
        Journey j = journey("j", withTimeout(Duration.ofMillis(700)),
                step("xs", url("/xs")).timeout(Duration.ofSeconds(10)).expect(new Expectation.BodyMatches(bodyRegex("x{0,50}y"))).build());

        long start = System.nanoTime();
        JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.failure().orElseThrow().detail()).isEqualTo("journey timeout 700ms reached while checking the response");
        assertThat(took).as("ends at its deadline, not minutes later").isLessThan(Duration.ofMillis(700 + 1_000));
    }
}
