package io.uxprobe.agent.serve;

import java.time.Duration;

/**
 * For {@link HeapKeeperTest}: churns a heap as a busy agent does (objects that live through a few young collections,
 * are promoted, then die), with or without a {@link HeapKeeper}, and prints the largest old generation seen in the
 * last half of its run, in bytes.
 */
public final class HeapKeeperChild {

    private static final int CHUNK = 64 << 10;
    /** Bytes allocated a second, nearly all promoted: a young generation of 4 MiB holds no more than the ring. */
    private static final double RATE = 100 << 20;

    public static void main(String[] args) throws Exception {
        HeapKeeper.OldGeneration old = HeapKeeper.OldGeneration.serial().orElseThrow();
        HeapKeeper keeper = new HeapKeeper(old, System::gc, 0, Duration.ofMillis(100));
        if (Boolean.parseBoolean(args[0])) keeper.startLooking();
        byte[][] ring = new byte[64][]; // 4 MiB live at most
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(4).toNanos();
        long half = start + Duration.ofSeconds(2).toNanos();
        long largest = 0;
        for (long i = 0, now = start; now < end; i++, now = System.nanoTime()) {
            ring[(int) (i % ring.length)] = new byte[CHUNK];
            // at most RATE, whatever the machine's speed: the growth between two looks is then bounded
            if (i * CHUNK > (now - start) / 1_000_000_000.0 * RATE) Thread.sleep(1);
            if (now > half) largest = Math.max(largest, old.committed());
        }
        keeper.close();
        System.out.println(largest);
    }
}
