package io.uxprobe.browser;

import io.uxprobe.probes.browser.Browser;
import io.uxprobe.probes.browser.Cookie;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's one browser: a headless Chromium started on the first browser step, shared by every journey, each visit
 * in a fresh browser context, at most {@code maxPages} at once. A browser that crashed or hung is killed and a new one
 * started for the next visit; {@link #close()} (also run on SIGTERM) leaves no Chromium process behind.
 *
 * <p>A visit never outlasts its deadline: it runs on a thread of its own, and the caller stops waiting at the deadline,
 * or as soon as the browser's processes are gone (the step fails with {@code browser}).
 * A visit still running then is asked whether the browser still answers: if it does not, it is killed (the step fails
 * with {@code browser}); if it does, the step fails with {@code timeout}, and the browser is killed only if the visit
 * has still not ended {@link #HANG} later.
 */
public final class Chromium implements Browser, AutoCloseable {

    /** Time kept at the end of a step for its evidence (screenshot and text) and for closing its context. */
    private static final long RESERVE_NANOS = TimeUnit.MILLISECONDS.toNanos(600);
    /** How late a visit may answer past its deadline before the browser is asked whether it still answers. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    /** How often a visit's browser is looked at while the visit runs, to tell a crash at once. */
    private static final long CRASH_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How long the browser may take to answer that question, within the agent's watchdog grace. */
    private static final long PING_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    /** A browser that does not answer a trivial command for this long, or a visit still running this long after its deadline, hangs. */
    static final Duration HANG = Duration.ofSeconds(5);
    /** How many unanswered questions of {@link #HANG} make a browser hung. */
    private static final int CONFIRM = 3;
    private final java.util.Set<BrowserProcess> suspected = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ChromiumSettings settings;
    private final Semaphore pages;
    private final ExecutorService visits = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("uxprobe-page-", 0).factory());
    private final Thread onExit = new Thread(this::close, "uxprobe-chromium-exit");
    private BrowserProcess process;
    /** Browsers being killed after a hang: {@link #close()} finishes their killing, should the agent stop meanwhile. */
    private final java.util.Set<BrowserProcess> retiring = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private int starts;

    public Chromium(ChromiumSettings settings) {
        this.settings = settings;
        this.pages = new Semaphore(settings.maxPages(), true);
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    @Override
    public Visit visit(BrowserStep step, Variables vars, List<Cookie> cookies, long deadline, ErrorDetector detector, Redactor masks) {
        long start = System.nanoTime();
        String url = masks.redact(step.open().render(vars));
        AtomicReference<BrowserProcess> used = new AtomicReference<>();
        Future<Visit> visit;
        try {
            visit = visits.submit(() -> play(step, vars, cookies, deadline, detector, masks, url, start, used));
        } catch (RejectedExecutionException e) {
            return failed(FailureReason.BROWSER, "the browser is shutting down", url, start);
        }
        try {
            return waitFor(visit, deadline + GRACE_NANOS, used).orElseGet(() -> failed(FailureReason.BROWSER,
                    "the browser crashed during the step; it is restarted for the next run", url, start));
        } catch (TimeoutException late) {
            BrowserProcess browser = used.get();
            if (browser == null) {
                visit.cancel(true);
                return failed(FailureReason.TIMEOUT, "the browser was still starting at the step's timeout " + Durations.format(step.timeout()),
                        url, start);
            }
            if (!browser.answers(Duration.ofNanos(PING_NANOS))) {
                visit.cancel(true);
                suspect(browser);
                return failed(FailureReason.BROWSER, "the browser stopped answering during the step (it is restarted if it does not answer again)",
                        url, start);
            }
            watch(visit, browser);
            return failed(FailureReason.TIMEOUT, "the page was still being worked on at the step's timeout " + Durations.format(step.timeout()),
                    url, start);
        } catch (ExecutionException e) {
            return failed(FailureReason.BROWSER, "the browser step broke: " + masks.redact(String.valueOf(e.getCause())), url, start);
        } catch (InterruptedException e) {
            visit.cancel(true);
            Thread.currentThread().interrupt();
            return failed(FailureReason.BROWSER, "interrupted", url, start);
        }
    }

    /**
     * The visit's result, or empty when its browser died under it: a crash is told at once, not at the deadline
     * (chromedriver may leave the page's pending command unanswered until then).
     */
    private static Optional<Visit> waitFor(Future<Visit> visit, long until, AtomicReference<BrowserProcess> used)
            throws TimeoutException, ExecutionException, InterruptedException {
        for (;;) {
            long left = until - System.nanoTime();
            try {
                return Optional.of(visit.get(Math.max(0, Math.min(left, CRASH_CHECK_NANOS)), TimeUnit.NANOSECONDS));
            } catch (TimeoutException notYet) {
                BrowserProcess browser = used.get();
                if (browser != null && !browser.running()) {
                    visit.cancel(true);
                    browser.broke();
                    return Optional.empty();
                }
                if (left <= CRASH_CHECK_NANOS) throw notYet;
            }
        }
    }

    /** One visit, on its own thread: the browser (waiting for it to start takes no page), then a free page, then the page work. */
    private Visit play(BrowserStep step, Variables vars, List<Cookie> cookies, long deadline, ErrorDetector detector, Redactor masks, String url,
            long start, AtomicReference<BrowserProcess> used) throws InterruptedException {
        BrowserProcess browser;
        try {
            browser = process();
        } catch (IOException e) {
            return failed(FailureReason.BROWSER, masks.redact(e.getMessage()), url, start);
        }
        used.set(browser);
        if (!pages.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return failed(FailureReason.TIMEOUT, "no free page within the step's timeout " + Durations.format(step.timeout()) + ": all "
                    + settings.maxPages() + " pages (--max-pages) were busy", url, start);
        }
        // the page is given back when the visit ends, or when its browser is killed under it
        Runnable release = browser.hold(pages::release);
        try {
            long workDeadline = deadline - Math.min(RESERVE_NANOS, step.timeout().toNanos() / 5);
            return new PageVisit(browser, step, vars, workDeadline, detector, masks).play(cookies);
        } finally {
            release.run();
        }
    }

    /**
     * Starts the browser now, so that the first browser step does not pay for it (a second or more) out of its own
     * deadline. Visits start it themselves when this was not called, or restart it after a crash.
     *
     * @throws IOException when Chromium or chromedriver is missing or cannot start; the message says what to install
     */
    public void start() throws IOException {
        process();
    }

    /** The running browser, or a new one when there is none yet or the last one crashed or hung. */
    private synchronized BrowserProcess process() throws IOException {
        if (closed) throw new IOException("the browser is shutting down");
        if (process != null && process.alive()) return process;
        if (process != null) process.close();
        process = null;
        process = BrowserProcess.start(settings);
        starts++;
        return process;
    }

    /**
     * A browser that did not answer in time is asked again, patiently: only one that answers none of {@link #CONFIRM}
     * questions of {@link #HANG} each is killed. A browser starved of CPU answers late, and killing it would only make
     * every run wait for a new one.
     */
    private void suspect(BrowserProcess browser) {
        if (!suspected.add(browser)) return; // already being asked
        Thread.ofVirtual().name("uxprobe-browser-check").start(() -> {
            try {
                for (int i = 0; i < CONFIRM; i++) {
                    if (browser.answers(HANG)) return;
                }
                restart(browser);
            } finally {
                suspected.remove(browser);
            }
        });
    }

    /** A late visit that has not ended within {@link #HANG} is stopped, and its browser asked whether it hangs. */
    private void watch(Future<Visit> late, BrowserProcess browser) {
        Thread.ofVirtual().name("uxprobe-page-watch").start(() -> {
            try {
                late.get(HANG.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stuck) {
                late.cancel(true);
                suspect(browser);
            } catch (Exception ended) {
                // it ended, one way or another
            }
        });
    }

    /** Kills a browser that stopped answering, unless a newer one already replaced it. */
    private void restart(BrowserProcess hung) {
        synchronized (this) {
            if (hung == null || hung != process) return;
            process = null;
            retiring.add(hung);
        }
        hung.broke();
        Thread.ofVirtual().start(() -> {
            hung.close();
            retiring.remove(hung);
        });
    }

    /** How many times a browser was started: 1 after the first visit, more after crashes. */
    public synchronized int starts() {
        return starts;
    }

    /** The processes of the running browser (chromedriver, Chromium and its helpers); none when it is not running. */
    public synchronized List<ProcessHandle> processes() {
        return process == null ? List.of() : process.processes().stream().filter(ProcessHandle::isAlive).toList();
    }

    private static Visit failed(FailureReason reason, String detail, String url, long start) {
        Visit v = Visit.failedBeforeOpening(Failure.of(reason, detail), url);
        return new Visit(v.failure(), Duration.ofNanos(System.nanoTime() - start), List.of(), List.of(), v.page());
    }

    /** Stops the browser and every process of it; visits still running fail with {@code browser}. */
    @Override
    public void close() {
        if (closed) return;
        closed = true; // a start under way sees it, and closes what it started
        visits.shutdownNow();
        BrowserProcess last;
        synchronized (this) { // waits for a start under way
            last = process;
            process = null;
        }
        if (last != null) last.close();
        List.copyOf(retiring).forEach(BrowserProcess::close);
        try {
            if (Thread.currentThread() != onExit) Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already running its hooks, this one among them
        }
    }

    /** What the agent says about its browser when it starts one. */
    public String describe() {
        return settings.chromium() + " (" + settings.maxPages() + (settings.maxPages() == 1 ? " page" : " pages") + " at once)";
    }

    Optional<BrowserProcess> running() {
        synchronized (this) {
            return Optional.ofNullable(process);
        }
    }

    static Duration reserve() {
        return Duration.ofNanos(RESERVE_NANOS);
    }
}
