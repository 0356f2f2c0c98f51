package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.agent.testing.Daemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protobuf scrape leaves {@code serve --log-format json}'s stderr clean JSON, with the JVM flags the launcher script
 * and the image (Jib's entrypoint in agent/pom.xml) start serve with: the protobuf library calls sun.misc.Unsafe, which Java 25 warns about on
 * stderr unless told to allow it.
 */
class ProtobufScrapeIT {

    static final Path ROOT = Path.of("..");
    static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    @TempDir
    Path dir;

    @Test
    void withTheLaunchersServeFlagsStderrStaysJson() throws Exception {
        assertOnlyJsonOnStderr(launcherServeFlags());
    }

    @Test
    void withTheImagesFlagsStderrStaysJson() throws Exception {
        assertOnlyJsonOnStderr(imageFlags());
    }

    @Test
    void withoutTheFlagTheWarningsAppear() throws Exception {
        // if this fails, the protobuf library stopped using sun.misc.Unsafe: drop the flag from the launcher and the image
        assertThat(stderrAfterAProtobufScrape(List.of())).contains("WARNING: A terminally deprecated method in sun.misc.Unsafe");
    }

    void assertOnlyJsonOnStderr(List<String> flags) throws Exception {
        String stderr = stderrAfterAProtobufScrape(flags);
        assertThat(stderr).contains("\"msg\":\"uxprobe serving\"");
        for (String line : stderr.split("\n")) {
            assertThat(new ObjectMapper().readTree(line).isObject()).as("a JSON log line: " + line).isTrue();
        }
    }

    String stderrAfterAProtobufScrape(List<String> flags) throws Exception {
        Files.writeString(dir.resolve("journeys.yaml"), """
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "http://127.0.0.1:1/" }
                """);
        int port = Daemon.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-jar", System.getProperty("uxprobe.jar"), "serve", "journeys.yaml", "--listen", "127.0.0.1:" + port,
                "--log-format", "json"));
        Daemon agent = Daemon.start(command, port, "/-/healthy", dir);
        try {
            // the endpoints answer a moment before the agent logs that it serves: a SIGTERM in between would leave no line
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!agent.output().contains("\"msg\":\"uxprobe serving\"") && System.nanoTime() < end) Thread.sleep(50);
            HttpResponse<byte[]> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agent.url("/metrics")))
                    .header("Accept", PROTOBUF).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google.protobuf");
            assertThat(scrape.body()).isNotEmpty();
        } finally {
            agent.close();
        }
        return agent.output();
    }

    /** The flags {@code ./uxprobe serve} starts Java with, read from the script. */
    static List<String> launcherServeFlags() throws Exception {
        Matcher m = Pattern.compile("(?m)^serve_flags=\"([^\"]*)\"").matcher(Files.readString(ROOT.resolve("uxprobe")));
        assertThat(m.find()).as("serve_flags in the launcher script").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    /** The flags of the image's entrypoint (the Jib profile of agent/pom.xml), between java and -cp. */
    static List<String> imageFlags() throws Exception {
        String pom = Files.readString(ROOT.resolve("agent/pom.xml"));
        String entrypoint = pom.substring(pom.indexOf("<entrypoint>"), pom.indexOf("</entrypoint>"));
        List<String> words = new ArrayList<>();
        Matcher arg = Pattern.compile("<arg>([^<]*)</arg>").matcher(entrypoint);
        while (arg.find()) words.add(arg.group(1));
        assertThat(words.getFirst()).as("the image's entrypoint starts with its java").isEqualTo("/opt/java/bin/java");
        return words.subList(1, words.indexOf("-cp"));
    }
}
