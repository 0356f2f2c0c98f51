package io.uxprobe.probes.journey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatePolicyTest {

    @Test
    void thresholdsBelowOneAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new StatePolicy(0, 1, 0)).hasMessage("failureThreshold must be 1 or more, got 0");
        assertThatThrownBy(() -> new StatePolicy(1, 0, 0)).hasMessage("successThreshold must be 1 or more, got 0");
        assertThatThrownBy(() -> new StatePolicy(1, 1, -1)).hasMessage("retries must be 0 or more, got -1");
    }
}
