package io.uxprobe.agent.otlp;

import io.uxprobe.probes.journey.JourneyResult;
import java.time.Duration;

/** Where each journey run's spans go once the run ends: nowhere, or an OTLP endpoint ({@link Otlp#spans}). */
public interface SpanExport {

    /** No export: runs still send {@code traceparent}, and their trace ids still show in logs, reports and pages. */
    SpanExport NONE = new SpanExport() {
        @Override
        public void export(String region, JourneyResult result) {}

        @Override
        public void close(Duration within) {}
    };

    /** Hands the run's spans over without waiting for them to be sent. */
    void export(String region, JourneyResult result);

    /** Sends what is still waiting, for at most {@code within}, then stops. */
    void close(Duration within);
}
