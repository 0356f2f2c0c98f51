package io.uxprobe.agent.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.metrics.MetricsPush;
import io.uxprobe.agent.report.RunReport;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.spec.JourneyFile;
import java.io.IOException;
import java.util.List;

/** {@code run --push-gateway}: the run's journey metrics, the same series serve exports, pushed to a Pushgateway. */
final class Push {

    private Push() {}

    static void results(RunReport report, List<JourneyFile> files, String gateway, String job) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(JourneyMetrics.REGION, report.region());
        JourneyMetrics metrics = new JourneyMetrics(registry);
        for (RunReport.Run run : report.runs()) {
            for (JourneyFile file : files) {
                for (Journey journey : file.journeys()) {
                    if (journey.name().equals(run.result().journey())) metrics.register(journey, run.region(), JourneyFiles.signatureIds(file));
                }
            }
            metrics.record(run.region(), run.result());
        }
        MetricsPush push = MetricsPush.to(gateway, job, report.region(), registry.getPrometheusRegistry());
        try {
            push.push();
        } finally {
            registry.close();
        }
    }
}
