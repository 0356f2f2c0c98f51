package io.uxprobe.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.testing.Components;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code java -jar uxprobe.jar} on a JRE older than 25: one line and exit 2, not an UnsupportedClassVersionError. */
class OldJavaIT {

    @Test
    void anOldJreGetsOneLineAndExitTwo() throws Exception {
        Path java = oldJava();
        Process p = new ProcessBuilder(java.toString(), "-jar", System.getProperty("uxprobe.jar"), "run", "journeys.yaml")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip().lines()).as(output).hasSize(1);
        assertThat(output).startsWith("uxprobe: needs Java 25 or newer, but this is Java ").doesNotContain("Exception", "Error");
    }

    /** A JRE older than 25 from Debian (openjdk-17-jre-headless): .ci/run installs it. */
    static Path oldJava() throws Exception {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            List<Path> old = jvms.filter(d -> d.getFileName().toString().matches("java-(8|11|17|21)-openjdk-.*"))
                    .map(d -> d.resolve("bin/java")).filter(Files::isExecutable).toList();
            if (!old.isEmpty()) return old.getFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            // no /usr/lib/jvm at all
        }
        Components.missing("no JRE older than 25 under /usr/lib/jvm (apt-get install openjdk-17-jre-headless)");
        throw new IllegalStateException("unreachable");
    }
}
