package io.uxprobe.probes.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated file with tens of thousands of vars loads in time that grows with its size, not with its square. */
class ManyVarsTest {

    private static final int VARS = 20_000;

    @TempDir
    Path dir;

    @Test
    void twentyThousandVarsLoadInSeconds() throws Exception {
        StringBuilder yaml = new StringBuilder("vars:\n  v0: \"${secret:TOKEN}\"\n");
        // each var uses an earlier one (v9 uses v4, which uses v2...), so every reference is checked and values stay short
        for (int i = 1; i < VARS; i++) yaml.append("  v").append(i).append(": \"${v").append(i / 2).append("}.").append(i).append("\"\n");
        yaml.append("journeys:\n  - name: j\n    steps:\n      - name: s\n        request: { url: \"https://example.com/${v")
                .append(VARS - 1).append("}\" }\n");
        Path file = dir.resolve("many.yaml");
        Files.writeString(file, yaml);

        long start = System.nanoTime();
        JourneyFile loaded = new JourneyFileLoader().load(file, Map.of("v7", "from-cli"), Environment.of(Map.of("TOKEN", "t")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(loaded.vars().asMap()).hasSize(VARS).containsEntry("v6", "t.1.3.6").containsEntry("v15", "from-cli.15")
                .containsEntry("v31", "from-cli.15.31");
        assertThat(loaded.vars().secretValues()).contains("t.1.3.6").doesNotContain("from-cli.15.31");
        // linear loading takes a second or two in a young JVM; the quadratic one took 40 s to 100 s for this many
        assertThat(took).as("loading %d vars", VARS).isLessThan(Duration.ofSeconds(8));
    }
}
