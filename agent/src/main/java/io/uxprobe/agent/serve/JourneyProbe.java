package io.uxprobe.agent.serve;

import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.schedule.Probe;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Duration;

/** One journey in one region, as the scheduler runs it: play it, then hand the result to metrics and the log. */
record JourneyProbe(Journey journey, String region, JourneyRunner runner, Variables vars, Redactor redactor,
        JourneyMetrics metrics, RunLog log) implements Probe {

    static String key(String journey, String region) {
        return journey + "@" + region;
    }

    @Override
    public String key() {
        return key(journey.name(), region);
    }

    @Override
    public Duration interval() {
        return journey.settings().interval();
    }

    @Override
    public void run() {
        JourneyResult result = runner.run(journey, vars, redactor);
        metrics.record(region, result);
        log.run(region, result);
    }
}
