package io.uxprobe.agent.schedule;

import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.RunProgress;
import io.uxprobe.probes.template.Redactor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sees that every journey run is reported by its deadline plus {@link #GRACE}, even one whose runner never returns:
 * work inside a run stops at its deadline by itself, and this is the net under that. Past the mark the run is
 * reported as abandoned ({@code timeout} on the step under way), its thread is interrupted, and its late result, if
 * one ever comes, is dropped. A monitor that freezes says "up" through the outage; this one says "timeout".
 */
public final class Watchdog implements AutoCloseable {

    /**
     * How long past its deadline a run may take to wind down (close sockets) before it is abandoned: 800 ms, so that
     * with the reporting a run is always told within its deadline plus a second.
     */
    public static final Duration GRACE = Duration.ofMillis(800);

    private final ScheduledThreadPoolExecutor alarms =
            new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("uxprobe-watchdog").factory());

    public Watchdog() {
        alarms.setRemoveOnCancelPolicy(true); // a run that ends in time leaves nothing queued
    }

    /**
     * Plays one run on the calling thread.
     *
     * @param run plays the journey, telling the progress it is given of each step that ends
     * @param onAbandoned told, on the watchdog's thread, of a run that outlived its deadline plus {@link #GRACE}
     * @return the run's own result; empty when the run was abandoned (and so already reported to {@code onAbandoned})
     */
    public Optional<JourneyResult> play(Journey journey, Redactor redactor, Function<RunProgress, JourneyResult> run,
            Consumer<JourneyResult> onAbandoned) {
        RunProgress progress = new RunProgress();
        Thread player = Thread.currentThread();
        Verdict verdict = new Verdict();
        ScheduledFuture<?> alarm = alarms.schedule(() -> verdict.settle(() -> {
            onAbandoned.accept(progress.abandoned(journey, redactor));
            player.interrupt(); // wakes any blocking I/O left in the run
        }), journey.settings().timeout().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        JourneyResult result;
        try {
            result = run.apply(progress);
        } finally {
            alarm.cancel(false);
        }
        if (verdict.settle(() -> {})) {
            return Optional.of(result);
        }
        Thread.interrupted(); // the alarm's interrupt was meant for this run only, not for the thread's next task
        return Optional.empty();
    }

    /** Plays one run on a thread of its own and waits: its result, or the abandoned one by the deadline plus {@link #GRACE}. */
    public JourneyResult await(Journey journey, Redactor redactor, Function<RunProgress, JourneyResult> run) {
        CompletableFuture<JourneyResult> reported = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("journey-" + journey.name()).start(() -> {
            try {
                play(journey, redactor, run, reported::complete).ifPresent(reported::complete);
            } catch (RuntimeException | Error e) {
                reported.completeExceptionally(e);
            }
        });
        return reported.join();
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }

    /** Who reports the run: the run itself or the alarm, whichever comes first; the other does nothing. */
    private static final class Verdict {

        private boolean settled;

        /** Runs {@code report} if nobody has reported yet; true if it did. */
        synchronized boolean settle(Runnable report) {
            if (settled) return false;
            settled = true;
            report.run();
            return true;
        }
    }
}
