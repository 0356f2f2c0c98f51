package io.uxprobe.agent.metrics;

import io.uxprobe.agent.testing.Exposition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AgentMetricsTest {

    final AgentMetrics agent = new AgentMetrics("ap-south-1", "1.2.3");

    @AfterEach
    void close() {
        agent.close();
    }

    @Test
    void buildInfoAndReloadStatusCarryTheAgentsRegion() {
        Exposition e = Exposition.parse(agent.scrape());
        assertThat(e.series("uxprobe_build_info")).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("version", "1.2.3").containsEntry("java", System.getProperty("java.version"))
                    .containsEntry("region", "ap-south-1");
            assertThat(s.value()).isEqualTo(1);
        });
        assertThat(e.value("uxprobe_config_last_reload_successful", "region", "ap-south-1")).isEqualTo(1);

        agent.configReloaded(false);
        assertThat(Exposition.parse(agent.scrape()).value("uxprobe_config_last_reload_successful")).isZero();
        agent.configReloaded(true);
        assertThat(Exposition.parse(agent.scrape()).value("uxprobe_config_last_reload_successful")).isEqualTo(1);
    }

    @Test
    void jvmAndProcessSeriesAreThereWithTheRegion() {
        Exposition e = Exposition.parse(agent.scrape());
        assertThat(e.types()).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_cpu_usage", "process_uptime_seconds", "process_start_time_seconds", "process_cpu_seconds_total");
        assertThat(e.types()).as("renamed or dropped: promtool rejects them").doesNotContainKeys("process_cpu_time_ns_total", "system_cpu_count");
        assertThat(e.samples()).allSatisfy(s -> assertThat(s.labels()).containsEntry("region", "ap-south-1"));
        assertThat(e.value("process_cpu_seconds_total")).isPositive();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void residentMemoryIsReadFromProc() {
        Exposition e = Exposition.parse(agent.scrape());
        assertThat(e.types()).containsEntry("process_resident_memory_bytes", "gauge").containsKey("process_files_open_files");
        assertThat(e.value("process_resident_memory_bytes"))
                .as("more than a megabyte, less than the machine").isBetween(1e6, 1e12);
    }

    @Test
    void residentBytesComeFromVmRssInKibibytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t   12345 kB\nThreads:\t42\n");
        assertThat(ProcessMetrics.residentBytes(status)).isEqualTo(12345 * 1024.0);
        assertThat(ProcessMetrics.residentBytes(dir.resolve("missing"))).isEqualTo(-1);
    }
}
