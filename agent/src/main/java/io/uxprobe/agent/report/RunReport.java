package io.uxprobe.agent.report;

import io.uxprobe.agent.browser.SavedEvidence;
import io.uxprobe.probes.journey.JourneyResult;
import java.time.Instant;
import java.util.List;

/**
 * The results of one {@code uxprobe run}, as every report reads them.
 *
 * @param region where uxprobe ran; a file's {@code regions:} give some runs their own
 */
public record RunReport(String region, Instant startedAt, List<Run> runs) {

    /** One journey run, the region it ran from, and the saved evidence of its failed browser steps. */
    public record Run(String region, JourneyResult result, List<SavedEvidence> evidence) {

        public Run {
            evidence = List.copyOf(evidence);
        }

        public Run(String region, JourneyResult result) {
            this(region, result, List.of());
        }

        /** The evidence saved for a step, if it failed in a browser. */
        public java.util.Optional<SavedEvidence> evidence(String step) {
            return evidence.stream().filter(e -> e.step().equals(step)).findFirst();
        }
    }

    public RunReport {
        runs = List.copyOf(runs);
    }

    public boolean passed() {
        return runs.stream().allMatch(r -> r.result().passed());
    }

    public long failedCount() {
        return runs.stream().filter(r -> !r.result().passed()).count();
    }

    /** How a run is named in reports: the journey, and its region when that is not uxprobe's own. */
    public String title(Run run) {
        return run.region().equals(region) ? run.result().journey() : run.result().journey() + "@" + run.region();
    }
}
