package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The example journeys are the demo's client: played by uxprobe's own runner, they pass on a healthy region and fail as a user would on a broken one. */
class JourneysTest {

    private static final Path JOURNEYS = Path.of("../journeys");

    private static DemoService demo;
    private static HttpClients clients;

    @BeforeAll
    static void start() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("eu-west", 0);
        ports.put("us-east", 0);
        ports.put("ap-south", 0);
        demo = DemoService.start(ports, DemoService.Options.defaults().withSlowDelay(Duration.ofMillis(1200)));
        clients = new HttpClients();
    }

    @AfterAll
    static void stop() {
        clients.close();
        demo.close();
    }

    @AfterEach
    void heal() {
        demo.regions().forEach(r -> demo.outage(r, Outage.NONE));
    }

    /** Runs the file's only journey as {@code UXPROBE_PASSWORD=let-me-listen uxprobe run FILE --var base=<region>} would. */
    private static JourneyResult play(String file, String region) throws Exception {
        JourneyFile loaded = new JourneyFileLoader().load(JOURNEYS.resolve(file), Map.of("base", demo.baseUrl(region)),
                Environment.of(Map.of("UXPROBE_PASSWORD", "let-me-listen")));
        Journey journey = loaded.journeys().getFirst();
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(loaded.errorSignatures()), Clock.systemUTC());
        return runner.run(journey, loaded.vars(), loaded.redactor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"login.yaml", "search.yaml", "playback.yaml", "listen.yaml"})
    void everyJourneyPassesInEveryHealthyRegion(String file) throws Exception {
        for (String region : demo.regions()) {
            JourneyResult result = play(file, region);
            assertThat(result.passed()).as(file + " in " + region + ": " + result).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}: {1} fails at {2} with {3}")
    @CsvSource({
            "soft_html,    listen.yaml,   login,  ERROR_MESSAGE",
            "soft_json,    listen.yaml,   login,  ERROR_MESSAGE",
            "graphql,      listen.yaml,   login,  ERROR_MESSAGE",
            "gateway_503,  listen.yaml,   login,  HTTP_STATUS|ERROR_MESSAGE",
            "slow,         search.yaml,   search, ASSERTION",
            "reset,        listen.yaml,   login,  PROTOCOL",
            "stall,        listen.yaml,   play,   STREAM_STALL",
            "stall,        playback.yaml, audio,  STREAM_STALL",
            "empty_search, listen.yaml,   search, ASSERTION",
            "empty_search, search.yaml,   search, ASSERTION",
    })
    void aBrokenRegionFailsTheJourneyAsAUserWouldWhileTheOthersPass(String outage, String file, String step, String reasons)
            throws Exception {
        demo.outage("eu-west", Outage.parse(outage));

        JourneyResult broken = play(file, "eu-west");
        StepResult failed = broken.failedStep().orElseThrow(() -> new AssertionError(file + " passed in a region with " + outage));
        assertThat(failed.name()).isEqualTo(step);
        // nginx's 503 page is both a bad status and a known error text: which one the runner reports first is its call
        assertThat(failed.failure().orElseThrow().reason()).isIn(Stream.of(reasons.split("\\|")).map(FailureReason::valueOf).toList());
        assertThat(failed.failure().get().detail()).doesNotContain("***");

        assertThat(play(file, "us-east").passed()).isTrue();
        demo.outage("eu-west", Outage.NONE);
        assertThat(play(file, "eu-west").passed()).isTrue();
    }
}
