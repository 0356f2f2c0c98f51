package io.uxprobe.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.Step;
import io.uxprobe.probes.journey.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Journey results as Micrometer meters: the {@code uxprobe_journey_*}, {@code uxprobe_step_*} and friends of
 * docs/metrics.md. Every series carries the {@code region} of its run, so one agent may run a journey for several
 * regions. Label values come only from the journey file (journey and step names, signature ids), from config
 * (region) and from closed sets (result, reason, phase, code class): never from a response.
 *
 * <p>Lifecycle, per journey and region: {@link #register} when the journey is loaded (and again on each reload)
 * creates its counters and histograms at zero, so {@code rate()} and {@code increase()} see the first failure;
 * {@link #record} after each run; {@link #remove} when a reload drops the journey, after its last run has been
 * recorded (a run recorded later would bring its series back). Gauges ({@code success}, {@code last_run_timestamp}, throughput, certificate
 * expiry) appear with the first run that sets them: before that their value is unknown, not zero.
 *
 * <p>Thread-safe: runs of different journeys may be recorded at once.
 */
public final class JourneyMetrics {

    public static final String JOURNEY_SUCCESS = "uxprobe.journey.success";
    public static final String JOURNEY_RUNS = "uxprobe.journey.runs";
    public static final String JOURNEY_RETRIES = "uxprobe.journey.retries";
    public static final String JOURNEY_DURATION = "uxprobe.journey.duration";
    public static final String JOURNEY_LAST_RUN = "uxprobe.journey.last.run.timestamp";
    public static final String STEP_DURATION = "uxprobe.step.duration";
    public static final String STEP_PHASE = "uxprobe.step.phase";
    public static final String STEP_FAILURES = "uxprobe.step.failures";
    public static final String ERROR_MESSAGES = "uxprobe.error.messages";
    public static final String HTTP_RESPONSES = "uxprobe.http.responses";
    public static final String STREAM_BYTES_PER_SECOND = "uxprobe.stream.bytes.per.second";
    public static final String TLS_CERT_EXPIRY = "uxprobe.tls.cert.expiry.timestamp";

    public static final String JOURNEY = "journey";
    public static final String STEP = "step";
    public static final String REGION = "region";
    public static final String RESULT = "result";
    public static final String PHASE = "phase";
    public static final String REASON = "reason";
    public static final String SIGNATURE = "signature";
    public static final String CODE = "code";

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    /** Status classes counted from the start; {@code 1xx} and {@code other} appear only if ever seen. */
    public static final List<String> PRE_CREATED_CODES = List.of("2xx", "3xx", "4xx", "5xx");

    /** Bucket bounds of every histogram: what a user feels, from instant to gave up. */
    public static final List<Duration> LATENCY_BUCKETS = List.of(
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    private static final String SECONDS = "seconds";
    private static final String PREFIX = "uxprobe.";

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Counter> runs;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<Counter> stepFailures;
    private final Meter.MeterProvider<Counter> errorMessages;
    private final Meter.MeterProvider<Counter> httpResponses;
    private final Meter.MeterProvider<Timer> journeyDuration;
    private final Meter.MeterProvider<Timer> stepDuration;
    private final Meter.MeterProvider<Timer> stepPhase;
    /** The values gauges read; held here so they live exactly as long as their series. */
    private final Map<GaugeKey, Level> levels = new ConcurrentHashMap<>();
    private final Map<RunKey, RunMeters> runMeters = new ConcurrentHashMap<>();

    public JourneyMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        runs = Counter.builder(JOURNEY_RUNS)
                .description("Journey runs, by result (success or failure)")
                .withRegistry(registry);
        retries = Counter.builder(JOURNEY_RETRIES)
                .description("Immediate re-runs of failed journey runs (retries:); each also counts in uxprobe_journey_runs_total")
                .withRegistry(registry);
        stepFailures = Counter.builder(STEP_FAILURES)
                .description("Failed steps, by failure reason (a closed set: dns, connect, tls, timeout, http_status, ...)")
                .withRegistry(registry);
        errorMessages = Counter.builder(ERROR_MESSAGES)
                .description("Error messages shown to the user, by error-signature id")
                .withRegistry(registry);
        httpResponses = Counter.builder(HTTP_RESPONSES)
                .description("HTTP responses received by steps, by status class (1xx to 5xx)")
                .withRegistry(registry);
        journeyDuration = histogram(JOURNEY_DURATION, "How long whole journey runs took, passed or failed");
        stepDuration = histogram(STEP_DURATION, "How long steps took, for steps that sent a request");
        stepPhase = histogram(STEP_PHASE, "How long each phase of a step took (dns, connect, tls, request, ttfb, transfer); "
                + "0 for a phase that did not happen");
    }

    private Meter.MeterProvider<Timer> histogram(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .serviceLevelObjectives(LATENCY_BUCKETS.toArray(Duration[]::new))
                .publishPercentileHistogram(false)
                .withRegistry(registry);
    }

    /**
     * Creates at zero the counters and histograms of a journey loaded for a region. {@code signatureIds} are every
     * id a step may report: the built-in catalog's ({@code Catalog.ids()}) and the file's own.
     *
     * <p>Called again on reload with the journey as it now reads: series of steps it no longer has, and of signatures
     * no longer given, are removed; the others keep counting.
     */
    public void register(Journey journey, String region, Set<String> signatureIds) {
        Map<String, Boolean> signaturesOn = new HashMap<>();
        journey.steps().forEach(step -> signaturesOn.put(step.name(), step.errorSignatures()));
        removeWhere(journey.name(), region, id -> {
            String step = id.getTag(STEP);
            String signature = id.getTag(SIGNATURE);
            return step != null && (!signaturesOn.containsKey(step)
                    || signature != null && (!signaturesOn.get(step) || !signatureIds.contains(signature)));
        });
        Tags journeyTags = journeyTags(journey.name(), region);
        runs.withTags(journeyTags.and(RESULT, SUCCESS));
        runs.withTags(journeyTags.and(RESULT, FAILURE));
        if (journey.settings().state().retries() > 0) retries.withTags(journeyTags);
        journeyDuration.withTags(journeyTags);
        for (Step step : journey.steps()) {
            Tags stepTags = journeyTags.and(STEP, step.name());
            stepDuration.withTags(stepTags);
            for (Phase phase : Phase.values()) stepPhase.withTags(stepTags.and(PHASE, phase.label()));
            for (FailureReason reason : FailureReason.values()) stepFailures.withTags(stepTags.and(REASON, reason.label()));
            for (String code : PRE_CREATED_CODES) httpResponses.withTags(stepTags.and(CODE, code));
            // A step with errorSignatures: off never reports a signature.
            if (step.errorSignatures()) {
                for (String id : signatureIds) errorMessages.withTags(stepTags.and(SIGNATURE, id));
            }
        }
    }

    /** Records one run of a journey for a region. Skipped steps record nothing. */
    public void record(String region, JourneyResult result) {
        record(region, result, false);
    }

    /**
     * Records one attempt; {@code retry} when it re-ran a failed attempt at once. Every attempt counts in
     * {@code runs_total}, so retries never hide a failure; {@code retries_total} says how many were re-runs.
     */
    public void record(String region, JourneyResult result, boolean retry) {
        RunMeters meters = runMeters.computeIfAbsent(new RunKey(result.journey(), region), RunMeters::new);
        if (retry) retries.withTags(meters.tags).increment();
        boolean passed = result.passed();
        (passed ? meters.passed : meters.failed).increment();
        meters.duration.record(result.duration());
        meters.success.set(passed ? 1 : 0);
        meters.lastRun.set(epochSeconds(result.startedAt().plus(result.duration())));
        for (StepResult step : result.steps()) {
            if (step.outcome() != Outcome.SKIPPED) recordStep(meters.step(step.name()), step);
        }
    }

    private void recordStep(StepMeters meters, StepResult step) {
        Tags stepTags = meters.tags;
        step.status().ifPresent(status -> meters.responses(statusClass(status)).increment());
        step.failure().ifPresent(failure -> countFailure(stepTags, failure));
        if (waited(step)) {
            meters.duration.record(step.duration());
            // Zeros too: a pooled connection's user waited 0 for dns, and every phase then counts every step.
            for (Phase phase : Phase.values()) meters.phases[phase.ordinal()].record(step.phases().get(phase));
        }
        step.bytesPerSecond().ifPresent(rate -> level(new GaugeKey(STREAM_BYTES_PER_SECOND, stepTags),
                "Throughput of the last run of a stream step that measured one, in bytes per second", null).set(rate));
        step.certificateExpiry().ifPresent(expiry -> level(new GaugeKey(TLS_CERT_EXPIRY, stepTags),
                "When the server certificate an HTTPS step last saw expires, in seconds since the epoch", SECONDS)
                .set(epochSeconds(expiry)));
    }

    private void countFailure(Tags stepTags, Failure failure) {
        stepFailures.withTags(stepTags.and(REASON, failure.reason().label())).increment();
        // error_message, or http_status of an error page that said something: the message the user saw counts either way
        failure.signature().ifPresent(id -> errorMessages.withTags(stepTags.and(SIGNATURE, id)).increment());
    }

    /**
     * Removes every series of a journey run for a region: counters, histograms and gauges. Other regions of the
     * journey, and other journeys, keep theirs.
     */
    public void remove(String journey, String region) {
        removeWhere(journey, region, id -> true);
    }

    private void removeWhere(String journey, String region, Predicate<Meter.Id> doomed) {
        Set<Meter> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (id.getName().startsWith(PREFIX) && journey.equals(id.getTag(JOURNEY)) && region.equals(id.getTag(REGION))
                    && doomed.test(id)) {
                registry.remove(meter);
                removed.add(meter);
            }
        }
        levels.values().removeIf(level -> removed.contains(level.gauge));
        runMeters.remove(new RunKey(journey, region)); // looked up afresh on the next run
    }

    /** {@code 2xx} for 204: the class keeps the label to six values whatever servers answer. */
    static String statusClass(int status) {
        return status >= 100 && status <= 599 ? (status / 100) + "xx" : "other";
    }

    /**
     * Whether the user waited on this step. A step that failed at once (its URL could not be built, or the journey
     * deadline passed before it) sent nothing: a zero there would only drag latency down.
     */
    private static boolean waited(StepResult step) {
        return step.outcome() == Outcome.PASSED || !step.duration().isZero();
    }

    private static Tags journeyTags(String journey, String region) {
        return Tags.of(JOURNEY, journey, REGION, region);
    }

    private static double epochSeconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private Level level(GaugeKey key, String description, String baseUnit) {
        return levels.computeIfAbsent(key, k -> {
            Level level = new Level();
            level.gauge = Gauge.builder(k.name(), level, Level::get)
                    .description(description)
                    .baseUnit(baseUnit)
                    .tags(k.tags())
                    .strongReference(true)
                    .register(registry);
            return level;
        });
    }

    private record GaugeKey(String name, Tags tags) {}

    private record RunKey(String journey, String region) {}

    /**
     * The meters every run of a journey in a region records, looked up once: finding a meter by name and tags
     * (sorting tags, hashing ids) costs more than recording to it, and a run records a dozen.
     */
    private final class RunMeters {
        final Tags tags;
        final Counter passed;
        final Counter failed;
        final Timer duration;
        final Level success;
        final Level lastRun;
        private final Map<String, StepMeters> steps = new ConcurrentHashMap<>();

        RunMeters(RunKey key) {
            tags = journeyTags(key.journey(), key.region());
            passed = runs.withTags(tags.and(RESULT, SUCCESS));
            failed = runs.withTags(tags.and(RESULT, FAILURE));
            duration = journeyDuration.withTags(tags);
            success = level(new GaugeKey(JOURNEY_SUCCESS, tags), "1 if the last run of the journey passed, 0 if it failed", null);
            lastRun = level(new GaugeKey(JOURNEY_LAST_RUN, tags),
                    "When the last run of the journey finished, in seconds since the epoch", SECONDS);
        }

        StepMeters step(String name) {
            return steps.computeIfAbsent(name, n -> new StepMeters(tags.and(STEP, n)));
        }
    }

    /** A step's meters recorded on every run: its duration, its phases, and 2xx answers. */
    private final class StepMeters {
        final Tags tags;
        final Timer duration;
        final Timer[] phases = new Timer[Phase.values().length];
        final Counter ok;

        StepMeters(Tags tags) {
            this.tags = tags;
            duration = stepDuration.withTags(tags);
            for (Phase phase : Phase.values()) phases[phase.ordinal()] = stepPhase.withTags(tags.and(PHASE, phase.label()));
            ok = httpResponses.withTags(tags.and(CODE, "2xx"));
        }

        /** The responses counter of a status class; 2xx, nearly every answer, without a lookup. */
        Counter responses(String statusClass) {
            return statusClass.equals("2xx") ? ok : httpResponses.withTags(tags.and(CODE, statusClass));
        }
    }

    /** The last value set; NaN until then. */
    private static final class Level {
        private volatile double value = Double.NaN;
        private Gauge gauge;

        double get() {
            return value;
        }

        void set(double v) {
            value = v;
        }
    }
}
