package io.uxprobe.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.serve.Agent;
import io.uxprobe.agent.serve.ServeConfig;
import io.uxprobe.probes.template.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a serve agent against a target whose every answer differs — error texts, redirect URLs, bodies —
 * keeps exactly the same set of series after 1,000 such runs, keeps running, and does not grow platform threads.
 */
class CardinalityEndToEndTest {

    private static final int JOURNEYS = 10;

    /** One client for every scrape: each JDK HttpClient has its own selector thread. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void thousandDistinctErrorTextsAndUrlsLeaveTheSeriesUnchanged() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        target.createContext("/", ex -> {
            String unique = n.incrementAndGet() + "-" + UUID.randomUUID();
            distinct.add(unique);
            byte[] body;
            int status;
            switch (n.get() % 4) {
                case 0 -> { status = 200; body = ("<html><body><p>Something went wrong. Try again. (ref " + unique + ")</p></body></html>").getBytes(StandardCharsets.UTF_8); }
                case 1 -> { status = 500; body = ("<html><body><h1>Boom " + unique + "</h1></body></html>").getBytes(StandardCharsets.UTF_8); }
                case 2 -> {
                    status = ex.getRequestURI().getPath().startsWith("/moved/") ? 404 : 302;
                    if (status == 302) ex.getResponseHeaders().add("Location", "/moved/" + unique + "?q=" + unique);
                    body = ("not here: " + unique).getBytes(StandardCharsets.UTF_8);
                }
                default -> { status = 200; body = ("{\"error\": \"quota exceeded for " + unique + "\"}").getBytes(StandardCharsets.UTF_8); }
            }
            ex.getResponseHeaders().add("Content-Type", body[0] == '{' ? "application/json" : "text/html");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        StringBuilder yaml = new StringBuilder("defaults: { interval: 100ms, timeout: 100ms, stepTimeout: 100ms }\njourneys:\n");
        for (int i = 0; i < JOURNEYS; i++) {
            yaml.append("  - name: j").append(i).append("\n    steps:\n      - name: page\n        request: { url: \"http://127.0.0.1:")
                    .append(target.getAddress().getPort()).append("/p/").append(i).append("\" }\n");
        }
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, yaml);

        ServeConfig config = new ServeConfig(List.of(file), Map.of(), Optional.of("test"), new InetSocketAddress("127.0.0.1", 0),
                Optional.empty(), 8, Duration.ofSeconds(1), false);
        Agent agent = Agent.start(config, Environment.of(Map.of()), new RunLog(new PrintWriter(new StringWriter(), true), RunLog.Format.TEXT, Clock.systemUTC()));
        try {
            String metrics = "http://127.0.0.1:" + agent.port() + "/metrics";
            awaitRuns(metrics, 100);
            Set<String> before = uxprobeSeries(scrape(metrics));
            long threadsBefore = platformThreads();
            int seenBefore = distinct.size();
            awaitRuns(metrics, 100 + 1_000);
            String last = scrape(metrics);
            assertThat(distinct.size() - seenBefore).as("distinct answers the target gave").isGreaterThanOrEqualTo(1_000);
            assertThat(uxprobeSeries(last)).as("series after 1,000 distinct error texts and URLs").isEqualTo(before);
            assertThat(last).doesNotContain("Boom").doesNotContain("/moved/").doesNotContain("quota exceeded");
            assertThat(platformThreads()).as("platform threads besides carriers and probe workers").isLessThanOrEqualTo(threadsBefore + 2);
            // a worker just done may not be waiting yet when the next run is due, so a few more than runs at once
            assertThat(probeWorkers()).as("probe workers follow runs at once, not runs done").isLessThanOrEqualTo(2 * JOURNEYS);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/-/healthy")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        } finally {
            agent.stop(Duration.ofSeconds(1));
            target.stop(0);
        }
    }

    /**
     * Carrier threads of virtual threads come and go up to the processor count, and probe workers with the runs
     * that overlap (counted on their own): neither is a leak.
     */
    private static long platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("probe-")).count();
    }

    private static long probeWorkers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("probe-")).count();
    }

    private static String scrape(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every uxprobe series, name and labels, without its value. */
    private static Set<String> uxprobeSeries(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("uxprobe_")) out.add(line.substring(0, line.lastIndexOf(' ')));
        }
        return out;
    }

    private static void awaitRuns(String metrics, long atLeast) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            long runs = 0;
            for (String line : scrape(metrics).split("\n")) {
                if (line.startsWith("uxprobe_journey_runs_total{")) runs += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            if (runs >= atLeast) return;
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + atLeast + " runs within 60 s");
    }
}
