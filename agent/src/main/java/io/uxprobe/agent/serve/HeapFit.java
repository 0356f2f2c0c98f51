package io.uxprobe.agent.serve;

import java.util.Optional;

/**
 * Does the JVM's heap hold the journeys loaded? Each step's series, and a scrape that writes them all at once, cost
 * heap: measured, 334 one-step journeys ran out of a 64 MiB heap at their first scrapes (a 6.4 MB exposition), and
 * held in 96 MiB. The heap's cap is fixed when the JVM starts (a share of the machine's or the container's memory),
 * so the agent says what to give it; below the cap, {@link HeapKeeper} keeps the heap near this need.
 */
final class HeapFit {

    /** The agent's own live heap before any journey. */
    static final long BASE_BYTES = 16L << 20;
    /** Heap per step at its busiest: its series, its runs in flight and its share of a scrape. */
    static final long PER_STEP_BYTES = 150L << 10;

    private HeapFit() {}

    /** The heap {@code steps} steps need, in bytes. */
    static long needed(int steps) {
        return BASE_BYTES + steps * PER_STEP_BYTES;
    }

    /** What to tell the user when {@code steps} steps need more heap than {@code maxHeap} bytes, or empty when they fit. */
    static Optional<String> warning(int steps, long maxHeap) {
        long need = needed(steps);
        if (need <= maxHeap) return Optional.empty();
        long suggest = ((need + need / 4 + (32L << 20) - 1) / (32L << 20)) * 32; // a quarter more, in steps of 32 MiB
        return Optional.of(steps + " journey steps need about " + ((need + (1L << 20) - 1) >> 20) + " MiB of heap and this agent has " + (maxHeap >> 20)
                + " MiB: it will run out of memory at a scrape. Start it with UXPROBE_JAVA_OPTS=-Xmx" + suggest
                + "m (JAVA_TOOL_OPTIONS=-Xmx" + suggest + "m in the container image)");
    }
}
