package io.uxprobe.agent.serve;

import java.time.Duration;

/**
 * For {@link HeapKeeperTest}: churns a heap as a busy agent does (objects that live through a few young collections,
 * are promoted, then die), with or without a {@link HeapKeeper}, and prints the largest old generation seen in the
 * last half of its run, in bytes.
 */
public final class HeapKeeperChild {

    public static void main(String[] args) throws Exception {
        HeapKeeper.OldGeneration old = HeapKeeper.OldGeneration.serial().orElseThrow();
        HeapKeeper keeper = new HeapKeeper(old, System::gc, 0, Duration.ofMillis(100));
        if (Boolean.parseBoolean(args[0])) keeper.startLooking();
        byte[][] ring = new byte[64][]; // 4 MiB live at most
        long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        long half = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long largest = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
            ring[i % ring.length] = new byte[64 << 10];
            if (i % 64 == 0) Thread.sleep(1); // time for the keeper to look
            if (System.nanoTime() > half) largest = Math.max(largest, old.committed());
        }
        keeper.close();
        System.out.println(largest);
    }
}
