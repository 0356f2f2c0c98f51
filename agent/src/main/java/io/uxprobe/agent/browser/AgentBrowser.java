package io.uxprobe.agent.browser;

import io.uxprobe.probes.browser.Browser;
import io.uxprobe.probes.browser.Cookie;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's browser, started only when a loaded journey has a browser step: until then neither Chromium nor the
 * browser library's classes are loaded, so an agent of HTTP journeys keeps its footprint. One per agent.
 */
public final class AgentBrowser implements Browser, AutoCloseable {

    private final Map<String, String> env;
    private final int maxPages;
    private RunningBrowser running;
    private boolean closed;

    /**
     * @param env where {@code UXPROBE_CHROMIUM} and {@code UXPROBE_CHROMEDRIVER} are read
     * @param maxPages pages open at once, at most ({@code --max-pages})
     */
    public AgentBrowser(Map<String, String> env, int maxPages) {
        this.env = Map.copyOf(env);
        this.maxPages = maxPages;
    }

    /** Whether any journey of the files has a browser step. */
    public static boolean needed(List<JourneyFile> files) {
        return files.stream().flatMap(f -> f.journeys().stream()).flatMap(j -> j.steps().stream()).anyMatch(s -> s instanceof BrowserStep);
    }

    /**
     * Starts the browser now when {@code files} need one and it is not running yet.
     *
     * @return what was started, for the agent's log; empty when nothing was
     * @throws IOException when Chromium or chromedriver cannot start; browser steps then fail with {@code browser}
     */
    public Optional<String> startFor(List<JourneyFile> files) throws IOException {
        if (!needed(files)) return Optional.empty();
        RunningBrowser b;
        synchronized (this) {
            if (closed || running != null) return Optional.empty();
            running = b = ChromiumLauncher.launch(env, maxPages);
        }
        b.start();
        return Optional.of(b.describe());
    }

    @Override
    public Visit visit(BrowserStep step, Variables vars, List<Cookie> cookies, long deadline, ErrorDetector detector, Redactor masks) {
        RunningBrowser b;
        synchronized (this) {
            if (closed) {
                return Visit.failedBeforeOpening(io.uxprobe.probes.journey.Failure.of(FailureReason.BROWSER, "uxprobe is stopping"),
                        masks.redact(step.open().toString()));
            }
            if (running == null) running = ChromiumLauncher.launch(env, maxPages);
            b = running;
        }
        return b.visit(step, vars, cookies, deadline, detector, masks);
    }

    /** Whether a browser was ever started (for tests: an agent of HTTP journeys starts none). */
    public synchronized boolean started() {
        return running != null;
    }

    /** The browser's processes now: none until it starts. */
    public synchronized List<ProcessHandle> processes() {
        return running == null ? List.of() : running.processes();
    }

    @Override
    public void close() {
        RunningBrowser b;
        synchronized (this) {
            closed = true;
            b = running;
        }
        if (b != null) b.close();
    }

    /** A started browser, as the agent holds it; implemented over the browser module by {@link ChromiumLauncher} alone. */
    interface RunningBrowser extends Browser, AutoCloseable {
        void start() throws IOException;

        String describe();

        List<ProcessHandle> processes();

        @Override
        void close();
    }
}
