package io.uxprobe.agent.serve;

import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.otlp.OtlpSettings;
import io.uxprobe.agent.testing.Exposition;
import io.uxprobe.probes.template.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** An agent started in-process on a free loopback port, and how tests talk to it. */
final class AgentFixture implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    final Agent agent;
    /** What the agent logged: one line per journey run, reloads. */
    final StringWriter log;

    private AgentFixture(Agent agent, StringWriter log) {
        this.agent = agent;
        this.log = log;
    }

    static AgentFixture start(Path journeys, String region, Map<String, String> env) throws Exception {
        return start(journeys, region, env, OtlpSettings.NONE);
    }

    /** An agent that also sends spans and metrics over OTLP as {@code otlp} says. */
    static AgentFixture start(Path journeys, String region, Map<String, String> env, OtlpSettings otlp) throws Exception {
        ServeConfig config = new ServeConfig(List.of(journeys), Map.of(), Optional.ofNullable(region),
                new InetSocketAddress("127.0.0.1", 0), Optional.empty(), 8, Duration.ofSeconds(2), true, otlp);
        StringWriter log = new StringWriter();
        Agent agent = Agent.start(config, Environment.of(env), new RunLog(new PrintWriter(log, true), RunLog.Format.TEXT, Clock.systemUTC()));
        return new AgentFixture(agent, log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + agent.port() + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String metricsText() throws Exception {
        return get("/metrics").body();
    }

    Exposition scrape() throws Exception {
        return Exposition.parse(metricsText());
    }

    /** Scrapes until {@code condition} holds, or fails after {@code within}. */
    Exposition awaitScrape(Duration within, Predicate<Exposition> condition) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        Exposition last = scrape();
        while (!condition.test(last)) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + within + "; last scrape:\n" + metricsText());
            Thread.sleep(100);
            last = scrape();
        }
        return last;
    }

    @Override
    public void close() {
        agent.stop(Duration.ofSeconds(2));
    }
}
