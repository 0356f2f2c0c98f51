package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapKeeperTest {

    private static final long MIB = 1L << 20;

    /** An old generation that a collection shrinks to {@code kept}. */
    private static final class Old implements HeapKeeper.OldGeneration {
        long committed;
        long kept;
        final AtomicInteger collections = new AtomicInteger();

        @Override
        public long committed() {
            return committed;
        }

        void collect() {
            collections.incrementAndGet();
            committed = kept;
        }
    }

    private final Old old = new Old();
    /** Looks only when a test says so, at 50 steps. */
    private final HeapKeeper keeper = new HeapKeeper(old, old::collect, 50, Duration.ofHours(1));

    @Test
    void anOldGenerationWithinTheJourneysNeedIsLeftAlone() {
        old.committed = HeapFit.needed(50);
        keeper.look();
        assertThat(old.collections).hasValue(0);
    }

    @Test
    void anOldGenerationGrownPastTheJourneysNeedIsCollected() {
        old.committed = 60 * MIB;
        old.kept = 10 * MIB;
        keeper.look();
        assertThat(old.collections).hasValue(1);
        assertThat(keeper.target()).isEqualTo(HeapFit.needed(50));
    }

    @Test
    void moreKeptThanTheEstimateMovesTheTargetAboveItRatherThanCollectAtEveryLook() {
        old.committed = 60 * MIB;
        old.kept = 40 * MIB;
        keeper.look();
        assertThat(keeper.target()).isEqualTo(60 * MIB);
        old.committed = 50 * MIB; // grown again, but within room for half as much again
        keeper.look();
        assertThat(old.collections).hasValue(1);
    }

    @Test
    void aReloadAimsAtTheNewJourneysNeed() {
        keeper.steps(1000);
        assertThat(keeper.target()).isEqualTo(HeapFit.needed(1000));
        old.committed = 100 * MIB;
        keeper.look();
        assertThat(old.collections).hasValue(0);
    }

    /**
     * A real JVM with the serial collector and a cap of 512 MiB, promoting garbage as a busy agent does: left alone
     * its old generation grows far past what is live; kept, it stays near the target.
     */
    @Test
    void aSerialHeapIsKeptNearTheTargetWhereItWouldOtherwiseGrowTowardsItsCap() throws Exception {
        long leftAlone = largestOldGeneration(false);
        long kept = largestOldGeneration(true);
        assertThat(leftAlone).as("without the keeper").isGreaterThan(200 * MIB);
        // the churn promotes ~100 MiB a second, so the old generation grows ~10 MiB between two looks 100 ms apart
        assertThat(kept).as("with the keeper").isLessThan(HeapFit.needed(0) + 48 * MIB);
    }

    private static long largestOldGeneration(boolean keep) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xms16m", "-Xmx512m", "-Xmn4m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-cp", System.getProperty("java.class.path"),
                HeapKeeperChild.class.getName(), Boolean.toString(keep)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as(out).isZero();
        return Long.parseLong(out.lines().reduce((a, b) -> b).orElseThrow());
    }
}
