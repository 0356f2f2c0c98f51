package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import static io.uxprobe.agent.status.Runs.at;
import static io.uxprobe.agent.status.Runs.errorMessage;
import static io.uxprobe.agent.status.Runs.passed;
import static io.uxprobe.agent.status.Runs.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    private final StatusBoard board = new StatusBoard(50, Clock.fixed(Runs.T0, ZoneOffset.UTC));
    private final List<StateChange> changes = new ArrayList<>();

    StatusBoardTest() {
        board.addListener(changes::add);
    }

    private CellStatus cell(String journey, String region) {
        return board.snapshot().journeys().stream().filter(j -> j.journey().equals(journey)).findFirst().orElseThrow().in(region).orElseThrow();
    }

    private List<String> transitions() {
        return changes.stream().map(c -> c.journey() + "@" + c.region() + " " + c.from().label() + "->" + c.to().label()).toList();
    }

    @Test
    void aRunKeepsABoundedPartOfAServersLongAnswerSoTheHistoryIsBoundedInBytes() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        String huge = "x".repeat(200_000);
        for (int minute = 0; minute < 60; minute++) {
            board.record("eu", Runs.failed("playback", at(minute), Failure.of(FailureReason.HTTP_STATUS, "expected 200, got 500: " + huge), 500), false);
        }
        CellStatus c = cell("playback", "eu");
        assertThat(c.history()).hasSize(50);
        long chars = c.history().stream().map(r -> r.failure().orElseThrow())
                .mapToLong(f -> f.message().length() + f.detail().length() + f.url().length()).sum();
        assertThat(chars).as("50 runs of at most 2,300 chars of text each").isLessThanOrEqualTo(50L * 2_300);
        RunFailure last = c.lastFailure().orElseThrow().failure().orElseThrow();
        assertThat(last.detail()).startsWith("expected 200, got 500: xxx").endsWith("…").hasSize(RunFailure.MAX_DETAIL);
        assertThat(last.message()).hasSize(RunFailure.MAX_MESSAGE);
    }

    @Test
    void aRegisteredJourneyIsPendingUntilItRuns() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        CellStatus c = cell("playback", "eu");
        assertThat(c.state()).isEqualTo(State.PENDING);
        assertThat(c.lastRun()).isEmpty();
        board.record("eu", passed("playback", at(0)), false);
        assertThat(cell("playback", "eu").state()).isEqualTo(State.UP);
        assertThat(changes).as("a first good run is not news").isEmpty();
    }

    @Test
    void oneFailureBelowTheThresholdIsDegradedNotDownAndNotNotified() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", passed("playback", at(0)), false);
        board.record("eu", errorMessage("playback", at(1)), false);

        CellStatus c = cell("playback", "eu");
        assertThat(c.state()).isEqualTo(State.DEGRADED);
        assertThat(c.since()).isEqualTo(at(1));
        assertThat(c.consecutiveFailures()).isEqualTo(1);
        assertThat(changes).isEmpty();
    }

    @Test
    void twoFailuresInARowGoDownOnceAndOneGoodRunComesBack() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", passed("playback", at(0)), false);
        board.record("eu", errorMessage("playback", at(1)), false);
        board.record("eu", errorMessage("playback", at(2)), false);
        board.record("eu", errorMessage("playback", at(3)), false);

        assertThat(transitions()).containsExactly("playback@eu up->down");
        StateChange down = changes.getFirst();
        assertThat(down.since()).as("since the first failed run, when users started to see it").isEqualTo(at(1));
        assertThat(down.regions()).containsExactly("eu");
        assertThat(down.step()).contains("track");
        assertThat(down.reason()).contains("error_message");
        assertThat(down.message()).contains("Something went wrong. Try again.");
        assertThat(down.run().startedAt()).isEqualTo(at(2));
        assertThat(cell("playback", "eu").state()).isEqualTo(State.DOWN);
        assertThat(cell("playback", "eu").since()).isEqualTo(at(1));

        board.record("eu", passed("playback", at(4)), false);
        assertThat(transitions()).containsExactly("playback@eu up->down", "playback@eu down->up");
        assertThat(changes.getLast().since()).isEqualTo(at(4));
        assertThat(changes.getLast().message()).isEmpty();
        assertThat(cell("playback", "eu").state()).isEqualTo(State.UP);
    }

    @Test
    void alternatingFailuresNeverReachTheThreshold() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        for (int i = 0; i < 10; i++) board.record("eu", i % 2 == 0 ? errorMessage("playback", at(i)) : passed("playback", at(i)), false);
        assertThat(changes).isEmpty();
    }

    @Test
    void successThresholdKeepsItDownUntilEnoughGoodRuns() {
        board.register("playback", "eu", new StatePolicy(1, 3, 0));
        board.record("eu", serverError("playback", at(0)), false);
        assertThat(transitions()).containsExactly("playback@eu pending->down");
        board.record("eu", passed("playback", at(1)), false);
        board.record("eu", passed("playback", at(2)), false);
        assertThat(cell("playback", "eu").state()).isEqualTo(State.DOWN);
        assertThat(cell("playback", "eu").consecutiveSuccesses()).isEqualTo(2);
        board.record("eu", passed("playback", at(3)), false);
        assertThat(transitions()).containsExactly("playback@eu pending->down", "playback@eu down->up");
        assertThat(changes.getLast().since()).as("since the first of the good runs").isEqualTo(at(1));
    }

    @Test
    void aFailedAttemptFixedByItsRetryCountsAsGoodButStaysInTheHistory() {
        board.register("playback", "eu", new StatePolicy(1, 1, 1));
        board.record("eu", passed("playback", at(0)), false);
        board.record("eu", errorMessage("playback", at(1)), false);
        assertThat(changes).as("the retry is still to come").isEmpty();
        board.record("eu", passed("playback", at(1).plusSeconds(1)), true);

        assertThat(changes).isEmpty();
        CellStatus c = cell("playback", "eu");
        assertThat(c.state()).isEqualTo(State.UP);
        assertThat(c.history()).extracting(Run::passed).containsExactly(true, false, true);
        assertThat(c.history()).extracting(Run::attempt).containsExactly(1, 1, 2);
        assertThat(c.lastFailure()).hasValueSatisfying(r -> assertThat(r.startedAt()).isEqualTo(at(1)));
    }

    @Test
    void aRunFailsOnlyWhenItsLastRetryFails() {
        board.register("playback", "eu", new StatePolicy(2, 1, 1));
        board.record("eu", passed("playback", at(0)), false);
        for (int run = 1; run <= 2; run++) {
            board.record("eu", errorMessage("playback", at(run)), false);
            board.record("eu", errorMessage("playback", at(run).plusSeconds(1)), true);
        }
        assertThat(transitions()).containsExactly("playback@eu up->down");
        assertThat(changes.getFirst().since()).as("the first attempt of the first failed run").isEqualTo(at(1));
        assertThat(cell("playback", "eu").consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void aRetryThatNeverCameIsCountedWhenTheNextRunStarts() {
        board.register("playback", "eu", new StatePolicy(2, 1, 1));
        board.record("eu", errorMessage("playback", at(0)), false);
        board.record("eu", errorMessage("playback", at(1)), false);
        board.record("eu", errorMessage("playback", at(1).plusSeconds(1)), true);
        assertThat(transitions()).containsExactly("playback@eu pending->down");
    }

    @Test
    void theHistoryIsBoundedButTheLastFailureIsKept() {
        StatusBoard small = new StatusBoard(5, Clock.systemUTC());
        small.register("playback", "eu", StatePolicy.DEFAULT);
        small.record("eu", serverError("playback", at(0)), false);
        for (int i = 1; i <= 8; i++) small.record("eu", passed("playback", at(i)), false);

        CellStatus c = small.snapshot().journeys().getFirst().in("eu").orElseThrow();
        assertThat(c.history()).hasSize(5);
        assertThat(c.history()).extracting(Run::startedAt).containsExactly(at(4), at(5), at(6), at(7), at(8));
        assertThat(c.lastFailure()).hasValueSatisfying(r -> {
            assertThat(r.startedAt()).isEqualTo(at(0));
            RunFailure f = r.failure().orElseThrow();
            assertThat(f.step()).isEqualTo("track");
            assertThat(f.reason()).isEqualTo(FailureReason.HTTP_STATUS);
            assertThat(f.message()).isEqualTo("expected status 200, got 503");
            assertThat(f.status()).hasValue(503);
        });
    }

    @Test
    void theHistoryKeepsPhasesSummedOverSteps() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", passed("playback", at(0)), false);
        Run r = cell("playback", "eu").history().getFirst();
        assertThat(r.phases().get(io.uxprobe.probes.journey.Phase.TTFB).toMillis()).isEqualTo(200);
        assertThat(r.duration().toMillis()).isEqualTo(320);
    }

    @Test
    void theErrorMessageSeenIsTheSnippetAndTheDetailIsKept() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", errorMessage("playback", at(0)), false);
        RunFailure f = cell("playback", "eu").lastFailure().orElseThrow().failure().orElseThrow();
        assertThat(f.message()).isEqualTo("Something went wrong. Try again.");
        assertThat(f.detail()).isEqualTo("error message shown (try_again): \"Something went wrong. Try again.\"");
        assertThat(f.signature()).contains("try_again");
    }

    @Test
    void aDownMessageNamesEveryRegionWhereTheJourneyIsDown() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.register("playback", "us", StatePolicy.DEFAULT);
        board.register("login", "eu", StatePolicy.DEFAULT);
        for (String region : List.of("eu", "us")) board.record(region, passed("playback", at(0)), false);
        board.record("eu", passed("login", at(0)), false);
        for (int i = 1; i <= 2; i++) board.record("eu", errorMessage("playback", at(i)), false);
        assertThat(board.snapshot().journeys()).extracting(JourneyStatus::journey, JourneyStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("login", State.UP), org.assertj.core.groups.Tuple.tuple("playback", State.DEGRADED));

        for (int i = 3; i <= 4; i++) board.record("us", errorMessage("playback", at(i)), false);
        assertThat(transitions()).containsExactly("playback@eu up->down", "playback@us up->down");
        assertThat(changes.getLast().regions()).containsExactly("eu", "us");
        assertThat(board.snapshot().journeys().get(1).state()).isEqualTo(State.DOWN);
        assertThat(board.snapshot().regions()).containsExactly("eu", "us");
    }

    @Test
    void removeForgetsTheJourneyAndItsLateRunsAreIgnored() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", errorMessage("playback", at(0)), false);
        board.remove("playback", "eu");
        assertThat(board.snapshot().journeys()).isEmpty();

        board.record("eu", errorMessage("playback", at(1)), false);
        assertThat(board.snapshot().journeys()).as("a run finishing after the reload does not bring it back").isEmpty();
        assertThat(changes).isEmpty();

        board.register("playback", "eu", StatePolicy.DEFAULT);
        assertThat(cell("playback", "eu").state()).isEqualTo(State.PENDING);
        assertThat(cell("playback", "eu").history()).isEmpty();
    }

    @Test
    void registeringAgainOnAReloadKeepsTheStateAndTakesTheNewThresholds() {
        board.register("playback", "eu", StatePolicy.DEFAULT);
        board.record("eu", errorMessage("playback", at(0)), false);
        board.register("playback", "eu", new StatePolicy(1, 1, 0));
        assertThat(cell("playback", "eu").history()).hasSize(1);
        board.record("eu", errorMessage("playback", at(1)), false);
        assertThat(transitions()).containsExactly("playback@eu pending->down");
        assertThat(cell("playback", "eu").thresholds().failureThreshold()).isEqualTo(1);
    }
}
