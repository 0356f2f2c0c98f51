package io.uxprobe.agent.serve;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the heap near what the journeys need, however much {@code -Xmx} allows: the heap is sized from the number of
 * journeys, and a cap sized for 1,000 of them costs an agent of 50 nothing. The serial GC promotes into free room
 * of its old generation, growing it up to {@code -Xmx}, before it collects it; left alone, an agent sits at its cap
 * with the old generation mostly garbage. So every few seconds the keeper looks at the old generation's committed
 * size, and past the journeys' need ({@link HeapFit#needed}) asks for a full collection, after which the GC gives
 * back all but {@code -XX:MaxHeapFreeRatio} of free room. When more is kept than the estimate, the target moves above
 * it, so a big agent is not collected every time it is looked at.
 *
 * <p>Only the serial collector's old generation is kept: the other collectors size their heaps themselves.
 */
final class HeapKeeper implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);

    /** The old generation's committed bytes, as the keeper sees them. */
    interface OldGeneration {
        long committed();

        /** The serial collector's old generation of this JVM, if that is the collector it runs. */
        static Optional<OldGeneration> serial() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().equals("Tenured Gen"))
                    .findFirst()
                    .map(pool -> () -> pool.getUsage().getCommitted());
        }
    }

    private final OldGeneration old;
    private final Runnable collect;
    private volatile long target;
    private final Thread looker;

    /** Starts keeping this JVM's heap, when it runs the serial collector; {@code steps} is the journeys' step count. */
    static Optional<HeapKeeper> start(int steps) {
        return OldGeneration.serial().map(old -> {
            HeapKeeper keeper = new HeapKeeper(old, System::gc, steps, EVERY);
            keeper.startLooking();
            return keeper;
        });
    }

    HeapKeeper(OldGeneration old, Runnable collect, int steps, Duration every) {
        this.old = old;
        this.collect = collect;
        this.target = HeapFit.needed(steps);
        this.looker = Thread.ofVirtual().name("uxprobe-heap").unstarted(() -> {
            try {
                for (;;) {
                    Thread.sleep(every);
                    look();
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        });
    }

    void startLooking() {
        looker.start();
    }

    /** A reload changed the journeys: aim at what they need. */
    void steps(int steps) {
        target = HeapFit.needed(steps);
    }

    long target() {
        return target;
    }

    /** One look: a full collection when the old generation has grown past the target. */
    void look() {
        if (old.committed() <= target) return;
        collect.run();
        long kept = old.committed();
        // what is live outgrew the estimate: leave it room to grow by half, or every look would collect again
        if (kept + kept / 2 > target) target = kept + kept / 2;
    }

    @Override
    public void close() {
        looker.interrupt();
    }
}
