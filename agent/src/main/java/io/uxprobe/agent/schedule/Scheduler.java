package io.uxprobe.agent.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Runs every probe at its interval, never two runs of one probe at once. One clock thread waits for the next
 * run that is due and hands it to a worker: platform threads made on demand and retired after a minute idle, so
 * their number follows how many runs overlap, not how many probes there are. (Platform, not virtual, threads:
 * a probe is blocking socket I/O, which on a virtual thread costs a trip through the poller on every wait; a
 * side-by-side run in docs/benchmarks.md measured 18% more CPU per probe that way.)
 *
 * <p>First runs are spread over the interval (no thundering herd at start), later ones keep their phase with a
 * little jitter; at most {@code maxConcurrent} probes run at a time (due runs wait their turn in order). A reload
 * replaces the set: probes that stay keep their timing, removed ones stop after their current run, new ones start
 * spread out. A key never runs twice at once, across reloads too: a probe that a reload gave a new interval, or
 * removed and added back, waits for its old run under way to end before its first run.
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
    /** Keys with a run handed out and not yet ended, whichever loop it belongs to (guarded by this). */
    private final Map<String, Loop> running = new HashMap<>();
    /** Runs that came due while their key was running, by key: they start when that run ends (guarded by this). */
    private final Map<String, Loop> waiting = new HashMap<>();
    private final CountDownLatch firstRuns = new CountDownLatch(1);
    private final DelayQueue<Loop> due = new DelayQueue<>();
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MINUTES,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("probe-", 1).factory());
    private final Thread clock = Thread.ofPlatform().daemon().name("uxprobe-scheduler").unstarted(this::handOut);
    private volatile boolean closed;

    /**
     * @param onCrash told when a probe throws (a bug: probes report failures as results)
     */
    public Scheduler(int maxConcurrent, RandomGenerator random, BiConsumer<Probe, Throwable> onCrash) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.random = random;
        this.onCrash = onCrash;
        clock.start();
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
            e.getValue().stopped = true;
            return true;
        });
        wanted.forEach((key, probe) -> {
            Loop loop = loops.get(key);
            if (loop != null && loop.probe.interval().equals(probe.interval())) {
                loop.probe = probe; // same timing, new definition from the next run on
            } else {
                if (loop != null) loop.stopped = true;
                Loop fresh = new Loop(probe, System.nanoTime() + offset(probe.interval()));
                loops.put(key, fresh);
                due.put(fresh);
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
        synchronized (this) {
            closed = true;
            loops.values().forEach(l -> l.stopped = true);
            loops.clear();
        }
        clock.interrupt();
        clock.join();
        workers.shutdown();
        if (!workers.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) workers.shutdownNow();
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ZERO);
    }

    private long offset(Duration interval) {
        synchronized (random) {
            return random.nextLong(Math.max(1, interval.toNanos()));
        }
    }

    private long jitter(Duration interval) {
        long bound = jitterBound(interval).toNanos();
        if (bound == 0) return 0;
        synchronized (random) { // workers plan their next runs at once; a RandomGenerator is not thread-safe
            return random.nextLong(-bound, bound + 1);
        }
    }

    /** The clock: waits for the next due run, takes a permit for it and hands it to a worker. */
    private void handOut() {
        try {
            while (!closed) {
                Loop next = due.take();
                if (next.stopped || !claim(next)) continue;
                permits.acquire();
                try {
                    workers.execute(next);
                } catch (RejectedExecutionException e) {
                    permits.release(); // shutting down
                    ended(next);
                }
            }
        } catch (InterruptedException e) {
            // shutdown
        }
    }

    /** Marks {@code loop}'s key running; false, and the loop set to start when the key's run ends, if it runs already. */
    private synchronized boolean claim(Loop loop) {
        if (running.containsKey(loop.key)) {
            waiting.put(loop.key, loop); // a newer loop of the key replaces an older one that waited
            return false;
        }
        running.put(loop.key, loop);
        return true;
    }

    /** The key's run ended: a loop that came due meanwhile goes now. */
    private synchronized void ended(Loop loop) {
        running.remove(loop.key);
        Loop next = waiting.remove(loop.key);
        if (next != null && !next.stopped && !closed) due.put(next);
    }

    /** One probe's life: planned at {@code at}, run, planned again for the next slot after now. */
    private final class Loop implements Runnable, Delayed {

        final String key;
        volatile Probe probe;
        volatile boolean ranOnce;
        volatile boolean stopped;
        private long base;
        private volatile long at;

        Loop(Probe probe, long firstAt) {
            this.key = probe.key();
            this.probe = probe;
            this.base = firstAt;
            this.at = firstAt;
        }

        @Override
        public void run() {
            Probe current = probe;
            try {
                current.run();
            } catch (RuntimeException | Error e) {
                onCrash.accept(current, e);
            } finally {
                permits.release();
                ranOnce = true;
            }
            ended(this);
            // keep the phase: the next slot after now, never a burst of missed ones; jitter does not drift it
            long interval = current.interval().toNanos();
            long now = System.nanoTime();
            base += interval * Math.max(1, (now - base) / interval + 1);
            at = base + jitter(current.interval());
            if (!stopped && !closed) due.put(this);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(at, ((Loop) other).at);
        }
    }
}
