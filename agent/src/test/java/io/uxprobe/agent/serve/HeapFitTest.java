package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapFitTest {

    private static final long MIB = 1L << 20;

    @Test
    void aFewJourneysFitTheLaunchersHeap() {
        assertThat(HeapFit.warning(50, 64 * MIB)).isEmpty();
        assertThat(HeapFit.warning(250, 64 * MIB)).isEmpty();
    }

    @Test
    void journeysThatRanOutOfHeapAreToldHowMuchToGive() {
        // measured: 334 one-step journeys ran out of a 64 MiB heap at their first scrapes and held in 96 MiB
        assertThat(HeapFit.warning(334, 64 * MIB)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("334 journey steps need about 65 MiB of heap and this agent has 64 MiB")
                .contains("UXPROBE_JAVA_OPTS=-Xmx96m", "JAVA_TOOL_OPTIONS=-Xmx96m"));
        assertThat(HeapFit.warning(334, 96 * MIB)).isEmpty();
        assertThat(HeapFit.warning(1000, 64 * MIB)).hasValueSatisfying(w -> assertThat(w).contains("-Xmx224m"));
    }
}
