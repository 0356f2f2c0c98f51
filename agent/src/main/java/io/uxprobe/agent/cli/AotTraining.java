package io.uxprobe.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the launcher's AOT cache (JDK 25, {@code -XX:AOTMode=record}): one JVM plays what short
 * commands do, so the cache holds every path of them loaded, linked and profiled. A JVM records one training run
 * only, and a cache trained on one HTML page left a JSON answer cold (1.6x an HTML check's time): so {@code check}
 * of an HTML page and of a JSON answer, then {@code validate} and {@code run} of a journey with JSONPath.
 * Output goes nowhere; nothing here can fail the launcher.
 *
 * <p>{@code java -cp uxprobe.jar io.uxprobe.agent.cli.AotTraining BASE_URL}: BASE_URL serves {@code /} (HTML) and
 * {@code /api.json} on loopback (the launcher starts the JDK's jwebserver on a folder of its own).
 */
public final class AotTraining {

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(nowhere, nowhere, "check", base);
        Main.run(nowhere, nowhere, "check", base + "api.json");
        Path journeys = Files.createTempFile("uxprobe-training-", ".yaml");
        try {
            Files.writeString(journeys, """
                    journeys:
                      - name: training
                        steps:
                          - name: page
                            request: { url: "%s" }
                            expect: { bodyContains: "training" }
                          - name: api
                            request: { url: "%sapi.json" }
                            expect: { jsonPath: { "$.items": { length: { gt: 0 } } } }
                            extract: { token: { jsonPath: "$.token" } }
                    """.formatted(base, base), StandardCharsets.UTF_8);
            Main.run(nowhere, nowhere, "validate", journeys.toString());
            Main.run(nowhere, nowhere, "run", journeys.toString());
        } finally {
            Files.deleteIfExists(journeys);
        }
    }
}
