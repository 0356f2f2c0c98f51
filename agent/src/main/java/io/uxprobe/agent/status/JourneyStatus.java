package io.uxprobe.agent.status;

import java.util.List;
import java.util.Optional;

/**
 * One journey across regions. {@code state}: DOWN when down in every region that has run, DEGRADED when down or
 * degraded in some, UP when up in all that have run, PENDING when none has.
 */
public record JourneyStatus(String journey, State state, List<CellStatus> regions) {

    public JourneyStatus {
        regions = List.copyOf(regions);
    }

    public Optional<CellStatus> in(String region) {
        return regions.stream().filter(c -> c.region().equals(region)).findFirst();
    }

    static State summarize(List<CellStatus> cells) {
        List<State> ran = cells.stream().map(CellStatus::state).filter(s -> s != State.PENDING).toList();
        if (ran.isEmpty()) return State.PENDING;
        if (ran.stream().allMatch(s -> s == State.DOWN)) return State.DOWN;
        if (ran.stream().anyMatch(s -> s == State.DOWN || s == State.DEGRADED)) return State.DEGRADED;
        return State.UP;
    }
}
