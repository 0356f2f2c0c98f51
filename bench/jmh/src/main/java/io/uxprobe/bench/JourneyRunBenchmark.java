package io.uxprobe.bench;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole journey run through {@link JourneyRunner}, as the agent's scheduler makes it: load the home page, log in
 * (JSON body, token extracted as a secret, cookie set), open the profile with the token and the cookie. The journey is
 * loaded from YAML by {@link JourneyFileLoader}; the site is {@link TargetServer} on 127.0.0.1 in a JVM of its own.
 * Each run gets a fresh connection (the default: a new pool and cookie jar per run), so a run is one TCP connect plus
 * three HTTP/1.1 exchanges on it, error detection on every body, the checks and the extraction.
 * Run with {@code -prof gc}: gc.alloc.rate.norm is the bytes this JVM allocates per run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class JourneyRunBenchmark {

    static final String JOURNEY = """
            vars:
              base: http://127.0.0.1:%d
              user: ada
            defaults:
              timeout: 10s
              stepTimeout: 5s
            journeys:
              - name: login
                steps:
                  - name: home
                    request:
                      url: "${base}/"
                    expect:
                      status: 200
                      bodyContains: "Good evening"
                  - name: login
                    request:
                      method: POST
                      url: "${base}/api/login"
                      json: { username: "${user}", password: "let-me-listen" }
                    expect:
                      status: 200
                      jsonPath: { "$.token": { exists: true } }
                    extract:
                      token: { jsonPath: "$.token", secret: true }
                  - name: profile
                    request:
                      url: "${base}/api/me"
                      headers: { Authorization: "Bearer ${token}" }
                    expect:
                      status: 200
                      jsonPath: { "$.name": { equals: "Ada" } }
            """;

    private Process server;
    private HttpClients clients;
    private JourneyRunner runner;
    private Journey journey;
    private Variables vars;
    private Redactor redactor;

    @Setup
    public void setUp() throws Exception {
        server = startServer();
        int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine().strip());

        Path file = Files.createTempFile("uxprobe-jmh-", ".yaml");
        try {
            Files.writeString(file, JOURNEY.formatted(port));
            JourneyFile loaded = new JourneyFileLoader().load(file);
            journey = loaded.journeys().getFirst();
            vars = loaded.vars();
            redactor = loaded.redactor();
        } finally {
            Files.deleteIfExists(file);
        }
        clients = new HttpClients();
        runner = new JourneyRunner(clients, ErrorDetector.catalogOnly(), Clock.systemUTC());

        JourneyResult first = run();
        if (!first.passed()) throw new IllegalStateException("the journey must pass before it is timed: " + first);
    }

    private static Process startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TargetServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    @TearDown
    public void tearDown() throws Exception {
        if (clients != null) clients.close();
        if (server != null) {
            server.getOutputStream().close(); // the server exits when its stdin closes
            if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroy();
        }
    }

    @Benchmark
    public JourneyResult loginJourney() {
        return run();
    }

    private JourneyResult run() {
        return runner.run(journey, vars, redactor);
    }
}
