package io.uxprobe.agent.status;

import java.time.Instant;
import java.util.List;

/** Everything the page and {@code /api/status} show, taken at one moment: journeys by name, regions by name. */
public record StatusSnapshot(Instant at, List<String> regions, List<JourneyStatus> journeys) {

    public StatusSnapshot {
        regions = List.copyOf(regions);
        journeys = List.copyOf(journeys);
    }
}
