package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Times the journey and reads the memory of this JVM and every process it started (driver, browser). */
final class Measure {

    interface Journey {
        void run() throws Exception;
    }

    static void report(String library, int runs, Journey journey) throws Exception {
        for (int i = 0; i < 5; i++) journey.run(); // warm-up: JIT, browser caches
        long[] ms = new long[runs];
        long peakPss = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            journey.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            peakPss = Math.max(peakPss, pssKiB());
        }
        Arrays.sort(ms);
        List<ProcessHandle> all = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).toList();
        System.out.printf("%s: %d journeys, median %d ms, p90 %d ms; processes %d; PSS now %d MiB (peak %d MiB), of it the JVM %d MiB; RSS sum %d MiB%n",
                library, runs, ms[runs / 2], ms[runs * 9 / 10], all.size(), pssKiB() / 1024, peakPss / 1024,
                kib(ProcessHandle.current().pid(), "Pss:") / 1024, all.stream().mapToLong(p -> kib(p.pid(), "Rss:")).sum() / 1024);
    }

    /** Proportional set size of this JVM and its descendants: shared pages are counted once in all. */
    static long pssKiB() {
        return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).mapToLong(p -> kib(p.pid(), "Pss:")).sum();
    }

    static long kib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended meanwhile
        }
        return 0;
    }
}
