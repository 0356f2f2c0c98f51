package io.uxprobe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.browser.testing.TestPages;
import io.uxprobe.probes.browser.Browser;
import io.uxprobe.probes.browser.PageAction;
import io.uxprobe.probes.browser.PageCondition;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser's processes: restarted after a crash, and all gone when it closes. A Chromium of its own, not the shared one. */
class BrowserLifecycleTest {

    private static TestPages pages;

    @BeforeAll
    static void start() throws Exception {
        SharedChromium.require();
        pages = new TestPages().page("/slow", "<!doctype html><p>waiting</p><script>setTimeout(() => document.body.append('done'), 4000)</script>")
                .page("/ok", "<!doctype html><p>ok</p>");
    }

    @AfterAll
    static void stop() {
        pages.close();
    }

    private static BrowserStep step(String path, Duration timeout) {
        return new BrowserStep("page", new Position(Path.of("t.yaml"), 1, 1), Template.literal(pages.url(path)),
                List.of(new PageAction.WaitFor(new PageCondition.Text(Template.literal("done")), Optional.empty(), new Position(Path.of("t.yaml"), 2, 1))),
                List.of(), false, false, true, timeout);
    }

    /** Chromium's main process: chromedriver's child (the other descendants are its zygotes, renderers and helpers). */
    private static ProcessHandle main(List<ProcessHandle> browser) {
        return browser.getFirst().children().findFirst().orElseThrow();
    }

    private static Browser.Visit visit(Chromium chromium, BrowserStep step) {
        return chromium.visit(step, Variables.empty(), List.of(), System.nanoTime() + step.timeout().toNanos(), ErrorDetector.catalogOnly(), Redactor.none());
    }

    @Test
    void aBrowserKilledMidRunFailsThatRunWithBrowserAndTheNextRunGetsANewOne() throws Exception {
        try (Chromium chromium = new Chromium(ChromiumSettings.of(System.getenv(), 2))) {
            chromium.start();
            CompletableFuture<Browser.Visit> running = CompletableFuture.supplyAsync(() -> visit(chromium, step("/slow", Duration.ofSeconds(8))));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (chromium.processes().size() < 3 && System.nanoTime() < until) Thread.sleep(50);
            Thread.sleep(500); // the page is open and waiting
            List<ProcessHandle> first = chromium.processes();
            ProcessHandle browserMain = main(first);
            assertThat(browserMain.info().command().orElse("")).contains("chrom");
            browserMain.destroyForcibly();
            long killedAt = System.nanoTime();

            Browser.Visit killed = running.get(10, TimeUnit.SECONDS);
            assertThat(killed.failure()).hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo(FailureReason.BROWSER));
            // told at once, not at the step's 8 s deadline
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(4));

            chromium.start(); // the restart, outside the step's deadline on this busy machine
            Browser.Visit next = visit(chromium, new BrowserStep("page", new Position(Path.of("t.yaml"), 1, 1), Template.literal(pages.url("/ok")),
                    List.of(), List.of(), false, false, true, Duration.ofSeconds(8)));
            assertThat(next.failure()).isEmpty();
            assertThat(chromium.starts()).isEqualTo(2);
            for (ProcessHandle p : first) p.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHungBrowserFailsTheRunWithBrowserWithinTheStepsDeadlineAndIsReplaced() throws Exception {
        try (Chromium chromium = new Chromium(ChromiumSettings.of(System.getenv(), 2))) {
            chromium.start();
            List<ProcessHandle> first = chromium.processes();
            ProcessHandle browserMain = main(first);
            new ProcessBuilder("kill", "-STOP", Long.toString(browserMain.pid())).start().waitFor();
            long start = System.nanoTime();
            Browser.Visit hung = visit(chromium, new BrowserStep("page", new Position(Path.of("t.yaml"), 1, 1), Template.literal(pages.url("/ok")),
                    List.of(), List.of(), false, false, true, Duration.ofSeconds(3)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3800));
            assertThat(hung.failure()).hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo(FailureReason.BROWSER));
            for (ProcessHandle p : first) p.onExit().get(30, TimeUnit.SECONDS); // killed after 3 unanswered questions of 5 s
            chromium.start();
            assertThat(visit(chromium, new BrowserStep("page", new Position(Path.of("t.yaml"), 1, 1), Template.literal(pages.url("/ok")),
                    List.of(), List.of(), false, false, true, Duration.ofSeconds(8))).failure()).isEmpty();
        }
    }

    @Test
    void closingLeavesNoProcessBehind() throws Exception {
        List<ProcessHandle> seen;
        try (Chromium chromium = new Chromium(ChromiumSettings.of(System.getenv(), 2))) {
            chromium.start();
            assertThat(visit(chromium, new BrowserStep("page", new Position(Path.of("t.yaml"), 1, 1), Template.literal(pages.url("/ok")),
                    List.of(), List.of(), false, false, true, Duration.ofSeconds(8))).failure()).isEmpty();
            seen = chromium.processes();
            assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        }
        for (ProcessHandle p : seen) assertThat(p.isAlive()).as(p.pid() + " " + p.info().command().orElse("")).isFalse();
    }
}
