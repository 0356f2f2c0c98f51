package io.uxprobe.agent.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.journey.TraceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A journey run as spans: the run (INTERNAL, the trace's root) and a CLIENT span per step that ran, with the ids its
 * requests carried. A failed step and its run are ERROR, with the failure's reason and signature as {@code uxprobe.*}
 * attributes. Everything here is already redacted by the runner; attribute values never grow a metric's cardinality,
 * since spans are not series.
 */
final class RunSpans {

    static final AttributeKey<String> JOURNEY = AttributeKey.stringKey("uxprobe.journey");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("uxprobe.step");
    static final AttributeKey<String> REGION = AttributeKey.stringKey("uxprobe.region");
    static final AttributeKey<String> RESULT = AttributeKey.stringKey("uxprobe.result");
    static final AttributeKey<String> FAILURE_REASON = AttributeKey.stringKey("uxprobe.failure.reason");
    static final AttributeKey<String> FAILURE_SIGNATURE = AttributeKey.stringKey("uxprobe.failure.signature");
    static final AttributeKey<String> FAILURE_STEP = AttributeKey.stringKey("uxprobe.failure.step");
    /** Semantic conventions: this traffic is a synthetic test, not a user. */
    static final AttributeKey<String> SYNTHETIC = AttributeKey.stringKey("user_agent.synthetic.type");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private RunSpans() {}

    /** The run's spans, or none when the run sent no trace context. */
    static List<SpanData> of(String region, JourneyResult result, Resource resource, InstrumentationScopeInfo scope) {
        if (result.trace().isEmpty()) return List.of();
        TraceContext trace = result.trace().get();
        SpanContext run = context(trace.traceId(), trace.spanId());
        List<SpanData> spans = new ArrayList<>(result.steps().size() + 1);
        AttributesBuilder runAttributes = common(result.journey(), region).put(RESULT, result.passed() ? "success" : "failure");
        StatusData runStatus = StatusData.unset();
        if (result.failedStep().isPresent() && result.failure().isPresent()) {
            Failure f = result.failure().get();
            failure(runAttributes, f).put(FAILURE_STEP, result.failedStep().get().name());
            runStatus = StatusData.create(StatusCode.ERROR, "step " + result.failedStep().get().name() + ": " + f.detail());
        }
        long start = nanos(result.startedAt());
        spans.add(new ResultSpan(result.journey(), SpanKind.INTERNAL, run, SpanContext.getInvalid(), runStatus, start,
                start + result.duration().toNanos(), runAttributes.build(), resource, scope));
        for (StepResult step : result.steps()) {
            if (step.spanId().isEmpty()) continue; // skipped: it sent nothing
            AttributesBuilder a = common(result.journey(), region).put(STEP, step.name()).put(METHOD, step.method()).put(URL, step.url());
            step.status().ifPresent(code -> a.put(STATUS, (long) code));
            for (Phase phase : Phase.values()) {
                Duration d = step.phases().get(phase);
                if (!d.isZero()) a.put(AttributeKey.doubleKey("uxprobe.phase." + phase.label() + "_seconds"), d.toNanos() / 1e9);
            }
            StatusData status = StatusData.unset();
            if (step.failure().isPresent()) {
                failure(a, step.failure().get());
                status = StatusData.create(StatusCode.ERROR, step.failure().get().detail());
            }
            long stepStart = nanos(step.startedAt());
            spans.add(new ResultSpan(step.name(), SpanKind.CLIENT, context(trace.traceId(), step.spanId().get()), run, status,
                    stepStart, stepStart + step.duration().toNanos(), a.build(), resource, scope));
        }
        return spans;
    }

    private static AttributesBuilder common(String journey, String region) {
        return Attributes.builder().put(JOURNEY, journey).put(REGION, region).put(SYNTHETIC, "test");
    }

    private static AttributesBuilder failure(AttributesBuilder a, Failure f) {
        a.put(FAILURE_REASON, f.reason().label()).put(ERROR_TYPE, f.reason().label());
        f.signature().ifPresent(s -> a.put(FAILURE_SIGNATURE, s));
        return a;
    }

    private static SpanContext context(String traceId, String spanId) {
        return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
