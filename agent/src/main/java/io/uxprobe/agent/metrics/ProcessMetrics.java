package io.uxprobe.agent.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process series every Prometheus client exposes and Micrometer does not: {@code process_cpu_seconds_total}
 * and {@code process_resident_memory_bytes}, which SREs and the soak test watch. Both are read when scraped; the
 * resident size from {@code /proc/self/status} (Linux), so elsewhere that series is absent.
 */
public final class ProcessMetrics implements MeterBinder {

    public static final String CPU = "process.cpu";
    public static final String RESIDENT_MEMORY = "process.resident.memory";

    static final Path STATUS = Path.of("/proc/self/status");

    private final Path status;

    public ProcessMetrics() {
        this(STATUS);
    }

    ProcessMetrics(Path status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder(CPU, os, o -> o.getProcessCpuTime() / 1e9)
                    .description("CPU time used by the process, user and system")
                    .baseUnit("seconds")
                    .register(registry);
        }
        if (residentBytes(status) >= 0) {
            Gauge.builder(RESIDENT_MEMORY, status, ProcessMetrics::residentBytes)
                    .description("Resident set size of the process: the memory it holds in RAM")
                    .baseUnit("bytes")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * {@code VmRSS} of a {@code /proc/<pid>/status} file, in bytes; -1 when it cannot be read. The status file, not
     * {@code statm}: statm counts pages, and Java cannot learn the page size (4 KiB, 16 KiB, 64 KiB on arm64).
     */
    static double residentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024.0; // always kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no procfs: the series is left out (bind) or reads as unknown (scrape).
        }
        return -1;
    }
}
