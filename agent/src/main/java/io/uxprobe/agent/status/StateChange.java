package io.uxprobe.agent.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A journey went {@link State#DOWN} or came back {@link State#UP} in one region. {@code since} is when users
 * started to meet the new state: the start of the first failed run of the streak for DOWN, of the first good run
 * for UP. {@code regions} are the regions a message speaks of: for DOWN every region where the journey is down now
 * (this one included), for UP this region. {@code run} is the run that confirmed the change.
 */
public record StateChange(String journey, String region, State from, State to, Instant since, List<String> regions, Run run) {

    public StateChange {
        regions = List.copyOf(regions);
    }

    /** The step that failed, for DOWN. */
    public Optional<String> step() {
        return run.failure().map(RunFailure::step);
    }

    /** The failure reason label ({@code error_message}, {@code http_status} …), for DOWN. */
    public Optional<String> reason() {
        return run.failure().map(f -> f.reason().label());
    }

    /** What the user was shown, redacted, for DOWN. */
    public Optional<String> message() {
        return run.failure().map(RunFailure::message);
    }
}
