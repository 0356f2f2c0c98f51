package io.uxprobe.agent.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus's own linter for expositions: {@code promtool check metrics}. */
public final class Promtool {

    /** What promtool said, and how it exited. */
    public record Verdict(int exitCode, String said) {}

    private Promtool() {}

    public static Verdict checkMetrics(String exposition) throws IOException, InterruptedException {
        Path promtool = Components.require("promtool", "prometheus");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("promtool hung");
        return new Verdict(p.exitValue(), said);
    }
}
