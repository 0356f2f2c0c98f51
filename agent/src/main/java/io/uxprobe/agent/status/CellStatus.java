package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One journey in one region at one moment. {@code since} is when the current state began (for DEGRADED: the first
 * failed run of the streak). {@code history} is oldest first, every attempt, retries included.
 */
public record CellStatus(String journey, String region, State state, Instant since, StatePolicy thresholds,
        int consecutiveFailures, int consecutiveSuccesses, Optional<Run> lastRun, Optional<Run> lastFailure, List<Run> history) {

    public CellStatus {
        history = List.copyOf(history);
    }
}
