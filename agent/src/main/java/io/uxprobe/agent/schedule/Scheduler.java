package io.uxprobe.agent.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Runs every probe at its interval, each on its own virtual thread, never two runs of one probe at once.
 * First runs are spread over the interval (no thundering herd at start), later ones keep their phase with a
 * little jitter; at most {@code maxConcurrent} probes run at a time. A reload replaces the set: probes that stay
 * keep their timing, removed ones stop after their current run, new ones start spread out.
 */
public final class Scheduler implements AutoCloseable {

    /** Jitter around each planned run: up to 5% of the interval, at most a second. */
    static Duration jitterBound(Duration interval) {
        return Duration.ofNanos(Math.min(interval.toNanos() / 20, TimeUnit.SECONDS.toNanos(1)));
    }

    private final Semaphore permits;
    private final RandomGenerator random;
    private final BiConsumer<Probe, Throwable> onCrash;
    private final Map<String, Loop> loops = new HashMap<>();
    private final CountDownLatch firstRuns = new CountDownLatch(1);
    private boolean closed;

    /**
     * @param onCrash told when a probe throws (a bug: probes report failures as results)
     */
    public Scheduler(int maxConcurrent, RandomGenerator random, BiConsumer<Probe, Throwable> onCrash) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.random = random;
        this.onCrash = onCrash;
    }

    /** Schedules exactly these probes from now on. */
    public synchronized void replace(Collection<? extends Probe> probes) {
        if (closed) throw new IllegalStateException("scheduler is closed");
        Map<String, Probe> wanted = new HashMap<>();
        for (Probe p : probes) {
            if (wanted.put(p.key(), p) != null) throw new IllegalArgumentException("two probes with key " + p.key());
        }
        loops.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) return false;
            e.getValue().stop();
            return true;
        });
        wanted.forEach((key, probe) -> {
            Loop loop = loops.get(key);
            if (loop != null && loop.probe.interval().equals(probe.interval())) {
                loop.probe = probe; // same timing, new definition from the next run on
            } else {
                if (loop != null) loop.stop();
                Loop fresh = new Loop(probe, offset(probe.interval()));
                loops.put(key, fresh);
                fresh.start();
            }
        });
    }

    /** True once every probe scheduled so far has finished a run; stays true after that. */
    public synchronized boolean everyProbeRanOnce() {
        if (firstRuns.getCount() == 0) return true;
        if (loops.values().stream().allMatch(l -> l.ranOnce)) {
            firstRuns.countDown();
            return true;
        }
        return false;
    }

    /** Stops scheduling; runs under way may finish within {@code grace}, then they are interrupted. */
    public void shutdown(Duration grace) throws InterruptedException {
        Collection<Loop> stopping;
        synchronized (this) {
            closed = true;
            stopping = loops.values().stream().toList();
            loops.clear();
        }
        stopping.forEach(Loop::stop);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Loop l : stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !l.thread.join(Duration.ofNanos(left))) l.thread.interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ZERO);
    }

    private long offset(Duration interval) {
        return random.nextLong(Math.max(1, interval.toNanos()));
    }

    private long jitter(Duration interval) {
        long bound = jitterBound(interval).toNanos();
        return bound == 0 ? 0 : random.nextLong(-bound, bound + 1);
    }

    /** One probe's life: sleep until its next slot, take a permit, run, repeat. */
    private final class Loop implements Runnable {

        volatile Probe probe;
        volatile boolean ranOnce;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final long firstAt;
        private Thread thread;

        Loop(Probe probe, long offsetNanos) {
            this.probe = probe;
            this.firstAt = System.nanoTime() + offsetNanos;
        }

        void start() {
            thread = Thread.ofVirtual().name("probe " + probe.key()).start(this);
        }

        void stop() {
            stopped.countDown();
        }

        @Override
        public void run() {
            long base = firstAt;
            long at = firstAt;
            try {
                while (!stopped.await(Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    permits.acquire();
                    Probe current = probe;
                    try {
                        current.run();
                    } catch (RuntimeException | Error e) {
                        onCrash.accept(current, e);
                    } finally {
                        permits.release();
                        ranOnce = true;
                    }
                    // keep the phase: the next slot after now, never a burst of missed ones; jitter does not drift it
                    long interval = current.interval().toNanos();
                    long now = System.nanoTime();
                    base += interval * Math.max(1, (now - base) / interval + 1);
                    at = base + jitter(current.interval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
