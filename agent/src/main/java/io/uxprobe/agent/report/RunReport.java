package io.uxprobe.agent.report;

import io.uxprobe.probes.journey.JourneyResult;
import java.time.Instant;
import java.util.List;

/** The results of one {@code uxprobe run}, as every report reads them. */
public record RunReport(String region, Instant startedAt, List<JourneyResult> journeys) {

    public RunReport {
        journeys = List.copyOf(journeys);
    }

    public boolean passed() {
        return journeys.stream().allMatch(JourneyResult::passed);
    }

    public long failedCount() {
        return journeys.stream().filter(j -> !j.passed()).count();
    }
}
