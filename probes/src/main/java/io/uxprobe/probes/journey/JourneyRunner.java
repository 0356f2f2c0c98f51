package io.uxprobe.probes.journey;

import io.uxprobe.probes.browser.Browser;
import io.uxprobe.probes.check.Checks;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.StatusRange;
import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.extract.Extracted;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractors;
import io.uxprobe.probes.http.Exchange;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.http.ObservedResponse;
import io.uxprobe.probes.http.Redirects;
import io.uxprobe.probes.http.Session;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plays a journey once: each step in order, carrying variables and cookies forward, until one fails;
 * the rest are skipped. Owns the journey's deadline. {@code (Journey, Variables) -> JourneyResult}; never throws
 * for anything a target does.
 */
public final class JourneyRunner {

    /** What a step checks when its journey file gives no {@code status}. */
    private static final Expectation DEFAULT_STATUS = new Expectation.Status(List.of(StatusRange.ofClass(2)));

    private final HttpClients clients;
    private final ErrorDetector detector;
    private final Clock clock;
    private final Browser browser;

    /** A runner for journeys without browser steps: a browser step fails with {@code browser}. */
    public JourneyRunner(HttpClients clients, ErrorDetector detector, Clock clock) {
        this(clients, detector, clock, Browser.NONE);
    }

    /** @param browser plays the browser steps */
    public JourneyRunner(HttpClients clients, ErrorDetector detector, Clock clock, Browser browser) {
        this.clients = clients;
        this.detector = detector;
        this.clock = clock;
        this.browser = browser;
    }

    /**
     * @param vars the file's variables
     * @param redactor masks the file's secrets; secret values extracted during the run are added to it
     */
    public JourneyResult run(Journey journey, Variables vars, Redactor redactor) {
        return run(journey, vars, redactor, Egress.DIRECT);
    }

    /**
     * Plays the journey as a user in a region would: its requests leave through {@code egress}.
     *
     * @see Region#egress()
     */
    public JourneyResult run(Journey journey, Variables vars, Redactor redactor, Egress egress) {
        return run(journey, vars, redactor, egress, new RunProgress());
    }

    /**
     * The same, telling {@code progress} of each step as it ends, so a watchdog on another thread can report the run
     * should it ever outlive its deadline.
     */
    public JourneyResult run(Journey journey, Variables vars, Redactor redactor, Egress egress, RunProgress progress) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        // a new trace per run: each step's requests carry the step's span of it
        Optional<TraceContext> trace = journey.settings().traceContext() ? Optional.of(TraceContext.newTrace()) : Optional.empty();
        progress.started(startedAt, start, trace);
        long deadline = start + journey.settings().timeout().toNanos();
        List<StepResult> results = new ArrayList<>();
        Variables current = vars;
        boolean failed = false;
        try (Session session = clients.open(journey.settings(), egress)) {
            for (Step step : journey.steps()) {
                Redactor masks = redactor.and(current.secretValues());
                if (failed) {
                    results.add(StepResult.skipped(step.name(), step.method(), masks.redact(step.target().toString())));
                    continue;
                }
                progress.stepStarted(clock.instant(), System.nanoTime());
                StepRun run = switch (step) {
                    case HttpStep http -> runStep(http, journey, session, current, masks, deadline, trace.map(TraceContext::newSpan));
                    case BrowserStep page -> browse(page, journey, session, current, masks, deadline);
                };
                results.add(run.result());
                progress.stepEnded(run.result());
                current = run.vars();
                failed = !run.result().passed();
            }
        }
        return new JourneyResult(journey.name(), startedAt, waited(results), results, trace);
    }

    /**
     * A run takes the time its steps took: what its user waited for. uxprobe's own work between requests (reading
     * the answers, building the client) is not the service's time, and varies with the agent's load, not the service's.
     */
    private static Duration waited(List<StepResult> steps) {
        Duration sum = Duration.ZERO;
        for (StepResult s : steps) sum = sum.plus(s.duration());
        return sum;
    }

    /** How the step follows redirects; headers whose values hold a secret never go to another origin. */
    private static Redirects redirects(Request spec, okhttp3.Request request, Redactor masks) {
        Set<String> secretHeaders = new HashSet<>();
        request.headers().forEach(h -> {
            if (masks.finds(h.getSecond())) secretHeaders.add(h.getFirst());
        });
        return new Redirects(spec.followRedirects(), spec.allowInsecureRedirects(), secretHeaders);
    }

    private record StepRun(StepResult result, Variables vars) {}

    /** A browser step: the page opens with the run's cookies, and its cookies and values go on to the next steps. */
    private StepRun browse(BrowserStep step, Journey journey, Session session, Variables vars, Redactor masks, long deadline) {
        Instant startedAt = clock.instant();
        String url;
        try {
            url = masks.redact(step.open().render(vars));
        } catch (IllegalStateException e) {
            Failure f = Failure.of(FailureReason.CONFIG, masks.redact(e.getMessage()));
            return new StepRun(browserFailed(step, masks.redact(step.open().toString()), startedAt, f), vars);
        }
        long now = System.nanoTime();
        long left = deadline - now;
        if (left <= 0) {
            Failure f = Failure.of(FailureReason.TIMEOUT, "journey timeout " + Durations.format(journey.settings().timeout()) + " reached before this step");
            return new StepRun(browserFailed(step, url, startedAt, f), vars);
        }
        boolean journeyCap = left < step.timeout().toNanos();
        Browser.Visit visit = browser.visit(step, vars, session.cookies(), now + Math.min(left, step.timeout().toNanos()), detector, masks);
        session.keepCookies(visit.cookies());
        Variables next = vars;
        for (Browser.Visit.Value v : visit.extracted()) next = next.with(v.name(), v.value(), v.secret());
        Redactor finalMasks = masks.and(next.secretValues());
        Optional<Failure> failure = visit.failure()
                .map(f -> journeyCap && f.reason() == FailureReason.TIMEOUT
                        ? Failure.of(FailureReason.TIMEOUT, "journey timeout " + Durations.format(journey.settings().timeout()) + " reached: " + f.detail())
                        : f)
                .map(f -> redacted(f, finalMasks));
        StepResult result = new StepResult(step.name(), failure.isPresent() ? Outcome.FAILED : Outcome.PASSED, failure, BrowserStep.METHOD, url,
                OptionalInt.empty(), startedAt, visit.duration(), PhaseTimings.none(), 0, OptionalDouble.empty(), Optional.empty(),
                Detection.NONE, Optional.empty(), Optional.of(visit.page()));
        return new StepRun(result, failure.isPresent() ? vars : next);
    }

    private static StepResult browserFailed(BrowserStep step, String url, Instant at, Failure f) {
        return new StepResult(step.name(), Outcome.FAILED, Optional.of(f), BrowserStep.METHOD, url, OptionalInt.empty(), at, Duration.ZERO,
                PhaseTimings.none(), 0, OptionalDouble.empty(), Optional.empty(), Detection.NONE, Optional.empty(), Optional.empty());
    }

    private StepRun runStep(HttpStep step, Journey journey, Session session, Variables vars, Redactor runMasks, long deadline,
            Optional<TraceContext> span) {
        Instant startedAt = clock.instant();
        long stepStart = System.nanoTime();
        String method = step.request().method();
        String rawUrl = RequestRenderer.url(step.request(), vars);
        // a password in the URL's user info is masked in all the step shows, and so are the Basic credentials made of it
        Redactor masks = runMasks.and(RequestRenderer.credentials(rawUrl));
        String url = masks.redact(rawUrl);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            Failure f = Failure.of(FailureReason.TIMEOUT, "journey timeout " + Durations.format(journey.settings().timeout()) + " reached before this step");
            return new StepRun(failed(step, method, url, startedAt, f, span), vars);
        }
        okhttp3.Request request;
        try {
            request = RequestRenderer.render(step.request(), journey.settings().headers(), vars, span);
        } catch (RequestRenderer.BadRequest | IllegalArgumentException e) {
            Failure f = Failure.of(FailureReason.CONFIG, masks.redact(e.getMessage()));
            return new StepRun(failed(step, method, url, startedAt, f, span), vars);
        }
        boolean journeyCap = left < step.timeout().toNanos();
        Duration timeout = journeyCap ? Duration.ofNanos(left) : step.timeout();
        Exchange ex = session.exchange(request, redirects(step.request(), request, masks), timeout, step.maxBodySize(), step.stream());

        Optional<Failure> failure = ex.failure().map(f -> journeyCap && f.reason() == FailureReason.TIMEOUT
                ? Failure.of(FailureReason.TIMEOUT, "journey timeout " + Durations.format(journey.settings().timeout()) + " reached: " + f.detail())
                : f);
        Variables next = vars;
        Detection seen = Detection.NONE;
        if (failure.isEmpty() && ex.response().isPresent()) {
            ObservedResponse response = ex.response().get();
            // reading the answer (regexes, JSONPath, detection) shares the step's deadline with fetching it
            Deadline work = Deadline.at(journeyCap ? deadline : stepStart + step.timeout().toNanos());
            try {
                Judged judged = judge(step, response, ex, vars, work, masks);
                failure = judged.failure();
                seen = judged.detection();
                if (failure.isEmpty()) {
                    Extracting extracting = extract(step, response, vars, work);
                    failure = extracting.failure();
                    next = extracting.vars();
                }
            } catch (Deadline.Exceeded e) {
                failure = Optional.of(Failure.of(FailureReason.TIMEOUT, (journeyCap
                        ? "journey timeout " + Durations.format(journey.settings().timeout())
                        : "step timeout " + Durations.format(step.timeout())) + " reached while checking the response"));
                next = vars;
            }
        }
        Redactor finalMasks = masks.and(next.secretValues());
        Optional<Failure> shown = failure.map(f -> redacted(f, finalMasks));
        StepResult result = new StepResult(step.name(), shown.isPresent() ? Outcome.FAILED : Outcome.PASSED, shown,
                method, url, ex.status(), startedAt, ex.duration(), ex.phases(), ex.bytes(), ex.bytesPerSecond(), ex.certificateExpiry(),
                seen.redacted(finalMasks::redact), span.map(TraceContext::spanId), Optional.empty());
        return new StepRun(result, next);
    }

    /** What reading a response found: the one reason it fails, if any, and what error detection saw. */
    private record Judged(Optional<Failure> failure, Detection detection) {}

    /**
     * The one reason a received response fails. A status the step does not expect is the hard failure, and the message
     * the page showed goes with it; an answer the step accepts that shows the user an error is the soft one; an error
     * status the step asked for (401, 503) is not failed by the error body it asked for.
     */
    private Judged judge(HttpStep step, ObservedResponse response, Exchange ex, Variables vars, Deadline work, Redactor masks) {
        Detection seen = step.errorSignatures() ? detector.read(response.contentType(), response.bodyText(), work, masks) : Detection.NONE;
        Optional<Failure> status = checkStatus(step, response, vars, work, masks);
        if (status.isPresent()) {
            Failure hard = seen.message().map(m -> Failure.httpStatus(status.get().detail(), m.signature(), m.snippet())).orElse(status.get());
            return new Judged(Optional.of(hard), seen);
        }
        if (seen.message().isPresent() && response.status() < 400) {
            return new Judged(seen.message().map(m -> Failure.errorMessage(m.signature(), m.snippet())), seen);
        }
        for (Expectation e : step.expectations()) {
            if (e instanceof Expectation.Status) continue;
            Optional<Failure> f = Checks.check(e, response, vars, work, masks);
            if (f.isPresent()) return new Judged(f, seen);
        }
        return new Judged(step.stream().flatMap(s -> throughput(s, ex.bytesPerSecond())), seen);
    }

    private static Optional<Failure> checkStatus(HttpStep step, ObservedResponse response, Variables vars, Deadline work, Redactor masks) {
        List<Expectation> given = step.expectations().stream().filter(e -> e instanceof Expectation.Status).toList();
        for (Expectation e : given.isEmpty() ? List.of(DEFAULT_STATUS) : given) {
            Optional<Failure> f = Checks.check(e, response, vars, work, masks);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<Failure> throughput(StreamSpec stream, OptionalDouble rate) {
        if (stream.minBytesPerSecond().isEmpty() || rate.isEmpty()) return Optional.empty();
        long min = stream.minBytesPerSecond().get().bytes();
        if (rate.getAsDouble() >= min) return Optional.empty();
        return Optional.of(Failure.of(FailureReason.ASSERTION, "stream delivered " + DataSize.ofBytes((long) rate.getAsDouble())
                + "/s, under minBytesPerSecond " + stream.minBytesPerSecond().get() + "/s"));
    }

    private record Extracting(Variables vars, Optional<Failure> failure) {}

    private static Extracting extract(HttpStep step, ObservedResponse response, Variables vars, Deadline work) {
        Variables next = vars;
        for (Extraction x : step.extractions()) {
            switch (Extractors.extract(x.from(), response, work)) {
                case Extracted.Found found -> next = next.with(x.variable(), found.value(), x.secret());
                case Extracted.Missing missing -> {
                    return new Extracting(next, Optional.of(Failure.of(FailureReason.EXTRACTION,
                            "cannot extract " + x.variable() + ": " + missing.detail())));
                }
            }
        }
        return new Extracting(next, Optional.empty());
    }

    private static Failure redacted(Failure f, Redactor masks) {
        return new Failure(f.reason(), masks.redact(f.detail()), f.signature(), f.snippet().map(masks::redact));
    }

    /** A step that failed before it sent anything. */
    private static StepResult failed(HttpStep step, String method, String url, Instant at, Failure f, Optional<TraceContext> span) {
        return new StepResult(step.name(), Outcome.FAILED, Optional.of(f), method, url, OptionalInt.empty(), at, Duration.ZERO,
                PhaseTimings.none(), 0, OptionalDouble.empty(), Optional.empty(), Detection.NONE, span.map(TraceContext::spanId), Optional.empty());
    }
}
