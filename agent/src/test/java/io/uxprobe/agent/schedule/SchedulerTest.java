package io.uxprobe.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /** A probe that counts its runs, remembers when they started, and takes {@code busy} each time. */
    static final class Counting implements Probe {
        final String key;
        final Duration interval;
        final Duration busy;
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final List<Long> starts = new CopyOnWriteArrayList<>();
        static final AtomicInteger everywhere = new AtomicInteger();
        static final AtomicInteger maxEverywhere = new AtomicInteger();

        Counting(String key, Duration interval, Duration busy) {
            this.key = key;
            this.interval = interval;
            this.busy = busy;
        }

        @Override public String key() { return key; }
        @Override public Duration interval() { return interval; }

        @Override
        public void run() {
            starts.add(System.nanoTime());
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            maxEverywhere.accumulateAndGet(everywhere.incrementAndGet(), Math::max);
            try {
                Thread.sleep(busy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                everywhere.decrementAndGet();
                runs.incrementAndGet();
            }
        }
    }

    /** Probes of one key across reloads: each reload makes a new object; they count runs of the key together. */
    static final class SameKey implements Probe {
        final Duration interval;
        final Duration busy;
        final AtomicInteger running;
        final AtomicInteger maxRunning;
        final AtomicInteger runs = new AtomicInteger();

        SameKey(Duration interval, Duration busy, AtomicInteger running, AtomicInteger maxRunning) {
            this.interval = interval;
            this.busy = busy;
            this.running = running;
            this.maxRunning = maxRunning;
        }

        @Override public String key() { return "journey@region"; }
        @Override public Duration interval() { return interval; }

        @Override
        public void run() {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(busy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                runs.incrementAndGet();
            }
        }
    }

    static void awaitRunning(AtomicInteger running) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running.get() == 0) {
            if (System.nanoTime() > end) throw new AssertionError("the first run did not start");
            Thread.sleep(5);
        }
    }

    @Test
    void aReloadThatChangesARunningJourneyWaitsForItsRunToEnd() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        SameKey old = new SameKey(Duration.ofMillis(200), Duration.ofMillis(700), running, maxRunning);
        SameKey changed = new SameKey(Duration.ofMillis(50), Duration.ofMillis(20), running, maxRunning);
        try (Scheduler s = scheduler(8)) {
            s.replace(List.of(old));
            awaitRunning(running);
            s.replace(List.of(changed)); // a new interval: a new schedule, due within 50 ms, while the old run has ~700 ms to go
            Thread.sleep(1200);
        }
        assertThat(maxRunning.get()).as("the journey never ran twice at once").isEqualTo(1);
        assertThat(old.runs.get()).isEqualTo(1);
        assertThat(changed.runs.get()).as("the changed journey runs once the old run ended").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aJourneyRemovedAndAddedBackWaitsForItsOldRunToEnd() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        SameKey old = new SameKey(Duration.ofMillis(200), Duration.ofMillis(600), running, maxRunning);
        SameKey back = new SameKey(Duration.ofMillis(200), Duration.ofMillis(20), running, maxRunning);
        try (Scheduler s = scheduler(8)) {
            s.replace(List.of(old));
            awaitRunning(running);
            s.replace(List.of());
            s.replace(List.of(back));
            Thread.sleep(1100);
        }
        assertThat(maxRunning.get()).isEqualTo(1);
        assertThat(back.runs.get()).isPositive();
    }

    static Scheduler scheduler(int maxConcurrent) {
        return new Scheduler(maxConcurrent, new Random(7), (p, e) -> { throw new AssertionError(e); });
    }

    @Test
    void runsEachProbeAtItsIntervalAndNeverTwiceAtOnce() throws Exception {
        Counting slow = new Counting("slow@r", Duration.ofMillis(100), Duration.ofMillis(250));
        Counting quick = new Counting("quick@r", Duration.ofMillis(100), Duration.ZERO);
        try (Scheduler s = scheduler(8)) {
            s.replace(List.of(slow, quick));
            Thread.sleep(1050);
        }
        assertThat(slow.maxRunning.get()).as("never two runs of one probe at once").isEqualTo(1);
        assertThat(quick.runs.get()).isBetween(9, 11);
        // an overrunning probe skips the slots it missed instead of bursting to catch up
        assertThat(slow.runs.get()).isBetween(3, 5);
    }

    @Test
    void firstRunsAreSpreadOverTheInterval() throws Exception {
        List<Counting> probes = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) probes.add(new Counting("p" + i, Duration.ofSeconds(1), Duration.ZERO));
        long start = System.nanoTime();
        try (Scheduler s = scheduler(64)) {
            s.replace(List.copyOf(probes));
            Thread.sleep(1100);
        }
        long firstHalf = probes.stream().filter(p -> p.starts.getFirst() - start < 500_000_000L).count();
        assertThat(firstHalf).as("about half start in the first half of the interval").isBetween(10L, 30L);
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        Counting.maxEverywhere.set(0);
        List<Probe> probes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) probes.add(new Counting("c" + i, Duration.ofMillis(50), Duration.ofMillis(100)));
        try (Scheduler s = scheduler(3)) {
            s.replace(probes);
            Thread.sleep(500);
        }
        assertThat(Counting.maxEverywhere.get()).isEqualTo(3);
    }

    @Test
    void replaceKeepsStayingProbesStopsRemovedAndStartsNew() throws Exception {
        Counting stays = new Counting("stays", Duration.ofMillis(50), Duration.ZERO);
        Counting goes = new Counting("goes", Duration.ofMillis(50), Duration.ZERO);
        Counting comes = new Counting("comes", Duration.ofMillis(50), Duration.ZERO);
        try (Scheduler s = scheduler(8)) {
            s.replace(List.of(stays, goes));
            Thread.sleep(300);
            assertThat(s.everyProbeRanOnce()).isTrue();
            Counting staysNew = new Counting("stays", Duration.ofMillis(50), Duration.ZERO);
            s.replace(List.of(staysNew, comes));
            int goneAt = goes.runs.get();
            Thread.sleep(300);
            assertThat(goes.runs.get()).as("removed probe stopped").isLessThanOrEqualTo(goneAt + 1);
            assertThat(staysNew.runs.get()).as("the new definition runs in the old slot").isGreaterThan(3);
            assertThat(comes.runs.get()).isGreaterThan(2);
        }
    }

    @Test
    void readyOnceEveryProbeRan() throws Exception {
        Counting a = new Counting("a", Duration.ofMillis(200), Duration.ZERO);
        try (Scheduler s = scheduler(8)) {
            s.replace(List.of(a));
            Thread.sleep(5);
            boolean early = s.everyProbeRanOnce();
            Thread.sleep(400);
            assertThat(s.everyProbeRanOnce()).isTrue();
            assertThat(early || a.runs.get() > 0).isTrue();
        }
    }

    @Test
    void shutdownLetsRunsFinishWithinGrace() throws Exception {
        Counting busy = new Counting("busy", Duration.ofMillis(10), Duration.ofMillis(300));
        Scheduler s = scheduler(8);
        s.replace(List.of(busy));
        while (busy.running.get() == 0) Thread.sleep(1);
        s.shutdown(Duration.ofSeconds(2));
        assertThat(busy.runs.get()).as("the run under way finished").isEqualTo(1);
    }

    @Test
    void aCrashingProbeIsReportedAndKeepsRunning() throws Exception {
        ConcurrentLinkedQueue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        Probe bad = new Probe() {
            @Override public String key() { return "bad"; }
            @Override public Duration interval() { return Duration.ofMillis(20); }
            @Override public void run() { calls.incrementAndGet(); throw new IllegalStateException("bug"); }
        };
        try (Scheduler s = new Scheduler(2, new Random(1), (p, e) -> crashes.add(e))) {
            s.replace(List.of(bad));
            Thread.sleep(200);
        }
        assertThat(calls.get()).isGreaterThan(3);
        assertThat(crashes).hasSize(calls.get()).allMatch(e -> e.getMessage().equals("bug"));
    }
}
