package io.uxprobe.agent.metrics;

import io.uxprobe.agent.testing.Exposition;
import static io.uxprobe.agent.metrics.Fixtures.CERT_EXPIRY;
import static io.uxprobe.agent.metrics.Fixtures.T0;
import static io.uxprobe.agent.metrics.Fixtures.failed;
import static io.uxprobe.agent.metrics.Fixtures.passed;
import static io.uxprobe.agent.metrics.Fixtures.phases;
import static io.uxprobe.agent.metrics.Fixtures.result;
import static io.uxprobe.agent.metrics.Fixtures.skipped;
import static io.uxprobe.agent.metrics.Fixtures.journey;
import static io.uxprobe.agent.metrics.Fixtures.playback;
import static io.uxprobe.agent.metrics.Fixtures.playbackErrorMessage;
import static io.uxprobe.agent.metrics.Fixtures.playbackPassed;
import static io.uxprobe.agent.metrics.Fixtures.playbackServerError;
import static io.uxprobe.agent.metrics.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uxprobe.probes.errors.Catalog;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.Phase;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JourneyMetricsTest {

    static final String HOME = "eu-west-1";
    static final String OTHER = "us-east-1";
    static final Set<String> SIGNATURES = signatures();

    final AgentMetrics agent = new AgentMetrics(HOME, "1.2.3");
    final JourneyMetrics metrics = agent.journeys();

    @AfterEach
    void close() {
        agent.close();
    }

    static Set<String> signatures() {
        Set<String> ids = new LinkedHashSet<>(Catalog.ids());
        ids.add("try_again");
        return ids;
    }

    Exposition scrape() {
        return Exposition.parse(agent.scrape());
    }

    @Test
    void exposesEveryMetricUnderItsPrometheusNameAndType() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.record(HOME, playbackErrorMessage());

        assertThat(scrape().types()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("uxprobe_journey_success", "gauge"),
                Map.entry("uxprobe_journey_runs_total", "counter"),
                Map.entry("uxprobe_journey_duration_seconds", "histogram"),
                Map.entry("uxprobe_journey_last_run_timestamp_seconds", "gauge"),
                Map.entry("uxprobe_step_duration_seconds", "histogram"),
                Map.entry("uxprobe_step_phase_seconds", "histogram"),
                Map.entry("uxprobe_step_failures_total", "counter"),
                Map.entry("uxprobe_error_messages_total", "counter"),
                Map.entry("uxprobe_http_responses_total", "counter"),
                Map.entry("uxprobe_stream_bytes_per_second", "gauge"),
                Map.entry("uxprobe_tls_cert_expiry_timestamp_seconds", "gauge"),
                Map.entry("uxprobe_config_last_reload_successful", "gauge"),
                Map.entry("uxprobe_build_info", "gauge")));
        assertThat(scrape().help()).allSatisfy((name, help) -> assertThat(help).as(name).isNotBlank());
    }

    @Test
    void registerCreatesEveryCounterAtZeroAndNoGauge() {
        metrics.register(playback(), HOME, SIGNATURES);
        Exposition e = scrape();

        assertThat(e.value("uxprobe_journey_runs_total", "journey", "playback", "region", HOME, "result", "success")).isZero();
        assertThat(e.value("uxprobe_journey_runs_total", "journey", "playback", "region", HOME, "result", "failure")).isZero();
        for (String step : List.of("track", "profile", "audio")) {
            for (FailureReason reason : FailureReason.values()) {
                assertThat(e.value("uxprobe_step_failures_total", "journey", "playback", "step", step, "reason", reason.label())).isZero();
            }
            assertThat(e.series("uxprobe_http_responses_total", "step", step)).extracting(s -> s.labels().get("code"))
                    .containsExactlyInAnyOrder("2xx", "3xx", "4xx", "5xx");
            assertThat(e.value("uxprobe_step_duration_seconds_count", "step", step)).isZero();
            for (Phase phase : Phase.values()) {
                assertThat(e.value("uxprobe_step_phase_seconds_count", "step", step, "phase", phase.label())).isZero();
            }
        }
        for (String step : List.of("track", "profile")) {
            assertThat(e.series("uxprobe_error_messages_total", "step", step)).extracting(s -> s.labels().get("signature"))
                    .containsExactlyInAnyOrderElementsOf(SIGNATURES)
                    .contains("json_error", "graphql_error", "try_again");
        }
        assertThat(e.series("uxprobe_error_messages_total", "step", "audio")).as("errorSignatures: off").isEmpty();
        assertThat(e.value("uxprobe_journey_duration_seconds_count", "journey", "playback")).isZero();
        assertThat(e.series("uxprobe_journey_success")).as("unknown before the first run").isEmpty();
        assertThat(e.series("uxprobe_journey_last_run_timestamp_seconds")).isEmpty();
    }

    @Test
    void anErrorPageOfAnUnexpectedStatusCountsItsMessageUnderTheHardFailure() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, result("playback", passed("track", 200, phases(0, 0, 0, 1, 100, 9)),
                failed("profile", Failure.httpStatus("expected status 2xx, got 503", "service_unavailable", "503 Service Unavailable"),
                        OptionalInt.of(503), "https://music.example/profile", phases(0, 0, 0, 1, 30, 9)),
                skipped("audio")));
        Exposition e = scrape();

        assertThat(e.value("uxprobe_step_failures_total", "step", "profile", "reason", "http_status")).isEqualTo(1);
        assertThat(e.value("uxprobe_step_failures_total", "step", "profile", "reason", "error_message")).as("not the soft failure").isZero();
        assertThat(e.value("uxprobe_error_messages_total", "step", "profile", "signature", "service_unavailable"))
                .as("what the page said still counts").isEqualTo(1);
    }

    @Test
    void recordsWhatEachRunSaw() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.record(HOME, playbackErrorMessage());
        metrics.record(HOME, playbackServerError());
        Exposition e = scrape();

        assertThat(e.value("uxprobe_journey_runs_total", "journey", "playback", "result", "success")).isEqualTo(1);
        assertThat(e.value("uxprobe_journey_runs_total", "journey", "playback", "result", "failure")).isEqualTo(2);
        assertThat(e.value("uxprobe_journey_success", "journey", "playback")).as("the last run failed").isZero();
        double finished = T0.plus(playbackServerError().duration()).toEpochMilli() / 1000.0;
        assertThat(e.value("uxprobe_journey_last_run_timestamp_seconds", "journey", "playback")).isCloseTo(finished, within(0.001));
        assertThat(e.value("uxprobe_journey_duration_seconds_count", "journey", "playback")).isEqualTo(3);

        assertThat(e.value("uxprobe_step_failures_total", "step", "track", "reason", "error_message")).isEqualTo(1);
        assertThat(e.value("uxprobe_step_failures_total", "step", "profile", "reason", "http_status")).isEqualTo(1);
        assertThat(e.series("uxprobe_step_failures_total").stream().mapToDouble(Exposition.Sample::value).sum()).isEqualTo(2);
        assertThat(e.value("uxprobe_error_messages_total", "step", "track", "signature", "try_again")).isEqualTo(1);
        assertThat(e.series("uxprobe_error_messages_total").stream().mapToDouble(Exposition.Sample::value).sum()).isEqualTo(1);

        assertThat(e.value("uxprobe_http_responses_total", "step", "track", "code", "2xx")).isEqualTo(3);
        assertThat(e.value("uxprobe_http_responses_total", "step", "profile", "code", "2xx")).isEqualTo(1);
        assertThat(e.value("uxprobe_http_responses_total", "step", "profile", "code", "5xx")).isEqualTo(1);
        assertThat(e.value("uxprobe_http_responses_total", "step", "audio", "code", "2xx")).as("206, then skipped twice").isEqualTo(1);

        assertThat(e.value("uxprobe_step_duration_seconds_count", "step", "track")).isEqualTo(3);
        assertThat(e.value("uxprobe_step_duration_seconds_count", "step", "profile")).isEqualTo(2);
        assertThat(e.value("uxprobe_step_duration_seconds_count", "step", "audio")).as("skipped steps record nothing").isEqualTo(1);
        assertThat(e.value("uxprobe_step_duration_seconds_sum", "step", "profile")).isCloseTo(0.050 + 3.010, within(1e-9));

        // Phases: every phase of every step that ran, zeros included (profile reused the connection).
        assertThat(e.value("uxprobe_step_phase_seconds_count", "step", "profile", "phase", "dns")).isEqualTo(2);
        assertThat(e.value("uxprobe_step_phase_seconds_sum", "step", "profile", "phase", "dns")).isZero();
        assertThat(e.value("uxprobe_step_phase_seconds_bucket", "step", "profile", "phase", "dns", "le", "0.005")).isEqualTo(2);
        assertThat(e.value("uxprobe_step_phase_seconds_sum", "step", "track", "phase", "tls")).isCloseTo(0.060, within(1e-9));
        assertThat(e.value("uxprobe_step_phase_seconds_bucket", "step", "profile", "phase", "ttfb", "le", "2.5")).isEqualTo(1);
        assertThat(e.value("uxprobe_step_phase_seconds_bucket", "step", "profile", "phase", "ttfb", "le", "5.0")).isEqualTo(2);

        assertThat(e.value("uxprobe_stream_bytes_per_second", "step", "audio")).isEqualTo(65536);
        assertThat(e.series("uxprobe_stream_bytes_per_second")).hasSize(1);
        assertThat(e.value("uxprobe_tls_cert_expiry_timestamp_seconds", "step", "track")).isEqualTo(CERT_EXPIRY.getEpochSecond());
        assertThat(e.series("uxprobe_tls_cert_expiry_timestamp_seconds")).hasSize(1);

        metrics.record(HOME, playbackPassed());
        assertThat(scrape().value("uxprobe_journey_success", "journey", "playback")).isEqualTo(1);
    }

    @Test
    void everyHistogramHasTheSameExplicitBuckets() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        Exposition e = scrape();
        List<String> expected = List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
                "20.0", "30.0", "60.0", "+Inf");

        assertThat(bounds(e, "uxprobe_journey_duration_seconds_bucket", "journey", "playback")).isEqualTo(expected);
        assertThat(bounds(e, "uxprobe_step_duration_seconds_bucket", "step", "track")).isEqualTo(expected);
        assertThat(bounds(e, "uxprobe_step_phase_seconds_bucket", "step", "track", "phase", "ttfb")).isEqualTo(expected);
        // track took 200 ms: in every bucket from 0.25 s up.
        assertThat(e.value("uxprobe_step_duration_seconds_bucket", "step", "track", "le", "0.1")).isZero();
        assertThat(e.value("uxprobe_step_duration_seconds_bucket", "step", "track", "le", "0.25")).isEqualTo(1);
        assertThat(e.value("uxprobe_step_duration_seconds_bucket", "step", "track", "le", "+Inf")).isEqualTo(1);
    }

    static List<String> bounds(Exposition e, String name, String... labels) {
        return e.series(name, labels).stream().map(s -> s.labels().get("le")).toList();
    }

    @Test
    void aFailureBeforeAnyRequestCountsItsReasonButNoLatency() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, Fixtures.result("playback",
                Fixtures.failed("track", Failure.of(FailureReason.CONFIG, "not a URL: ${base}/x"), OptionalInt.empty(), "${base}/x",
                        io.uxprobe.probes.journey.PhaseTimings.none()),
                Fixtures.skipped("profile"), Fixtures.skipped("audio")));
        Exposition e = scrape();

        assertThat(e.value("uxprobe_step_failures_total", "step", "track", "reason", "config")).isEqualTo(1);
        assertThat(e.value("uxprobe_step_duration_seconds_count", "step", "track")).isZero();
        assertThat(e.series("uxprobe_http_responses_total", "step", "track").stream().mapToDouble(Exposition.Sample::value).sum()).isZero();
    }

    @Test
    void journeySeriesCarryTheRegionOfTheirRunNotTheAgents() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.register(playback(), OTHER, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.record(OTHER, playbackErrorMessage());
        Exposition e = scrape();

        assertThat(e.value("uxprobe_journey_success", "journey", "playback", "region", HOME)).isEqualTo(1);
        assertThat(e.value("uxprobe_journey_success", "journey", "playback", "region", OTHER)).isZero();
        assertThat(e.value("uxprobe_journey_runs_total", "region", OTHER, "result", "failure")).isEqualTo(1);
        assertThat(e.value("uxprobe_journey_runs_total", "region", HOME, "result", "failure")).isZero();
        assertThat(e.series("uxprobe_step_failures_total")).hasSize(2 * 3 * FailureReason.values().length);
        // One region label per series, and the run's own wins over the agent's common tag.
        assertThat(e.startingWith("uxprobe_").stream().filter(s -> s.labels().containsKey("journey")))
                .allSatisfy(s -> assertThat(s.labels().get("region")).isIn(HOME, OTHER))
                .anySatisfy(s -> assertThat(s.labels().get("region")).isEqualTo(OTHER));
        assertThat(e.value("uxprobe_build_info", "region", HOME)).isEqualTo(1);
        assertThat(e.series("jvm_threads_live_threads")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("region", HOME));
    }

    @Test
    void removeDropsEverySeriesOfThatJourneyAndRegionOnly() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.register(playback(), OTHER, SIGNATURES);
        metrics.register(journey("search", step("search")), HOME, SIGNATURES);
        for (String region : List.of(HOME, OTHER)) {
            metrics.record(region, playbackPassed());
            metrics.record(region, playbackErrorMessage());
        }
        metrics.record(HOME, Fixtures.result("search", Fixtures.passed("search", 200, Fixtures.phases(1, 1, 1, 1, 1, 1))));
        List<Exposition.Sample> otherBefore = scrape().series("uxprobe_step_failures_total", "region", OTHER);

        metrics.remove("playback", HOME);
        Exposition e = scrape();

        assertThat(e.startingWith("uxprobe_"))
                .noneMatch(s -> "playback".equals(s.labels().get("journey")) && HOME.equals(s.labels().get("region")));
        assertThat(e.series("uxprobe_step_failures_total", "region", OTHER)).isEqualTo(otherBefore);
        assertThat(e.value("uxprobe_journey_success", "journey", "playback", "region", OTHER)).isZero();
        assertThat(e.value("uxprobe_journey_success", "journey", "search", "region", HOME)).isEqualTo(1);
        assertThat(e.series("uxprobe_tls_cert_expiry_timestamp_seconds")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("region", OTHER));

        // Loaded again: everything starts over from zero.
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        Exposition again = scrape();
        assertThat(again.value("uxprobe_journey_runs_total", "journey", "playback", "region", HOME, "result", "success")).isEqualTo(1);
        assertThat(again.value("uxprobe_journey_runs_total", "journey", "playback", "region", HOME, "result", "failure")).isZero();
        assertThat(again.value("uxprobe_journey_success", "journey", "playback", "region", HOME)).isEqualTo(1);
    }

    @Test
    void registeringAgainOnReloadDropsWhatTheJourneyNoLongerHasAndKeepsCounting() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.register(playback(), OTHER, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.record(HOME, playbackErrorMessage());

        // Reloaded: profile is gone, track no longer looks for error messages, the file's try_again is gone.
        Set<String> builtIn = Set.copyOf(Catalog.ids());
        metrics.register(journey("playback", step("track", false), step("audio", false), step("lyrics")), HOME, builtIn);
        Exposition e = scrape();

        assertThat(e.startingWith("uxprobe_")).noneMatch(s -> HOME.equals(s.labels().get("region")) && "profile".equals(s.labels().get("step")));
        assertThat(e.series("uxprobe_error_messages_total", "region", HOME, "step", "track")).isEmpty();
        assertThat(e.series("uxprobe_error_messages_total", "region", HOME, "step", "lyrics")).extracting(s -> s.labels().get("signature"))
                .containsExactlyInAnyOrderElementsOf(builtIn);
        assertThat(e.value("uxprobe_step_failures_total", "region", HOME, "step", "track", "reason", "error_message")).isEqualTo(1);
        assertThat(e.value("uxprobe_journey_runs_total", "region", HOME, "result", "success")).isEqualTo(1);
        assertThat(e.value("uxprobe_tls_cert_expiry_timestamp_seconds", "region", HOME, "step", "track")).isEqualTo(CERT_EXPIRY.getEpochSecond());
        assertThat(e.series("uxprobe_step_failures_total", "region", OTHER, "step", "profile")).as("other regions untouched")
                .hasSize(FailureReason.values().length);
    }

    @Test
    void removingTheLastJourneyLeavesNoJourneyMetricBehind() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.remove("playback", HOME);

        String text = agent.scrape();
        assertThat(text).doesNotContain("uxprobe_journey_", "uxprobe_step_", "uxprobe_http_", "uxprobe_error_", "uxprobe_tls_",
                "uxprobe_stream_");
        assertThat(text).contains("uxprobe_build_info");
    }

    @Test
    void seriesDoNotGrowWithWhatResponsesSay() {
        metrics.register(playback(), HOME, SIGNATURES);
        metrics.record(HOME, playbackPassed());
        metrics.record(HOME, playbackErrorMessage());
        metrics.record(HOME, playbackServerError());
        // The first of each kind: the status classes no journey pre-creates (1xx, and codes outside 100-599).
        for (int status : new int[] {101, 999}) {
            metrics.record(HOME, Fixtures.result("playback",
                    Fixtures.passed("track", status, Fixtures.phases(1, 1, 1, 1, 1, 1)),
                    Fixtures.passed("profile", status, Fixtures.phases(1, 1, 1, 1, 1, 1)),
                    Fixtures.passed("audio", status, Fixtures.phases(1, 1, 1, 1, 1, 1))));
        }
        int before = scrape().startingWith("uxprobe_").size();
        List<String> signatures = List.copyOf(SIGNATURES);
        FailureReason[] reasons = FailureReason.values();

        for (int i = 0; i < 1000; i++) {
            String unique = "u" + i + "-" + Integer.toHexString(i * 7919);
            String url = "https://music.example/track?session=" + unique;
            Failure failure = i % 2 == 0
                    ? Failure.errorMessage(signatures.get(i % signatures.size()), "Oops " + unique + " please try again")
                    : Failure.of(reasons[i % reasons.length], "detail " + unique + " at " + url);
            int status = 100 + (i * 37) % 900;
            metrics.record(HOME, Fixtures.result("playback",
                    Fixtures.withRate(Fixtures.passed("audio", status, Fixtures.phases(i % 7, 0, 0, 1, i % 5000, i)), i),
                    Fixtures.failed("track", failure, OptionalInt.of(status), url, Fixtures.phases(1, 2, 3, 4, i, 6))));
        }
        Exposition e = scrape();

        assertThat(e.startingWith("uxprobe_")).hasSize(before);
        assertThat(e.startingWith("uxprobe_")).allSatisfy(s -> assertThat(String.join(" ", s.labels().values())).doesNotContain("u1"));
        assertThat(e.series("uxprobe_http_responses_total").stream().map(s -> s.labels().get("code")).distinct())
                .containsExactlyInAnyOrder("1xx", "2xx", "3xx", "4xx", "5xx", "other");
    }

    @Test
    void statusClasses() {
        assertThat(Arrays.asList(100, 199, 200, 206, 304, 404, 503, 599, 600, 99, 0)
                .stream().map(JourneyMetrics::statusClass).toList())
                .containsExactly("1xx", "1xx", "2xx", "2xx", "3xx", "4xx", "5xx", "5xx", "other", "other", "other");
    }
}
