package io.uxprobe.agent.serve;

import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.otlp.SpanExport;
import io.uxprobe.agent.schedule.Probe;
import io.uxprobe.agent.schedule.Watchdog;
import io.uxprobe.agent.status.StatusBoard;
import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Duration;
import java.util.Optional;

/**
 * One journey in one region (through that region's egress), as the scheduler runs it: play it (again at once, up to
 * its {@code retries}, while it fails), and hand every attempt to metrics, the status board and the log. Once retired
 * by a reload, a run still under way records nothing, so the journey's series and cells stay removed.
 */
final class JourneyProbe implements Probe {

    private final Journey journey;
    private final String region;
    private final Egress egress;
    private final JourneyRunner runner;
    private final Watchdog watchdog;
    private final Variables vars;
    private final Redactor redactor;
    private final JourneyMetrics metrics;
    private final StatusBoard board;
    private final RunLog log;
    private final SpanExport spans;
    private boolean retired;

    JourneyProbe(Journey journey, String region, Egress egress, JourneyRunner runner, Watchdog watchdog, Variables vars,
            Redactor redactor, JourneyMetrics metrics, StatusBoard board, RunLog log, SpanExport spans) {
        this.journey = journey;
        this.region = region;
        this.egress = egress;
        this.runner = runner;
        this.watchdog = watchdog;
        this.vars = vars;
        this.redactor = redactor;
        this.metrics = metrics;
        this.board = board;
        this.log = log;
        this.spans = spans;
    }

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
        for (int attempt = 0; ; attempt++) {
            boolean retry = attempt > 0;
            Optional<JourneyResult> result = watchdog.play(journey, redactor,
                    progress -> runner.run(journey, vars, redactor, egress, progress), abandoned -> record(abandoned, retry));
            result.ifPresent(r -> record(r, retry));
            // an abandoned run already spent its whole deadline: no retry after it
            if (result.isEmpty() || result.get().passed() || attempt >= journey.settings().state().retries()) return;
        }
    }

    private void record(JourneyResult result, boolean retry) {
        synchronized (metrics) {
            if (retired) return;
            metrics.record(region, result, retry);
            board.record(region, result, retry);
        }
        log.run(region, result);
        spans.export(region, result);
    }

    /** A reload dropped this journey: remove its series and its cell, and keep a run under way from recreating them. */
    void retire() {
        synchronized (metrics) {
            retired = true;
            metrics.remove(journey.name(), region);
            board.remove(journey.name(), region);
        }
    }
}
