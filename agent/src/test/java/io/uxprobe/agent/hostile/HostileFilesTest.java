package io.uxprobe.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.uxprobe.agent.cli.ExitCodes;
import io.uxprobe.agent.cli.Main;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.serve.Agent;
import io.uxprobe.agent.serve.ServeConfig;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.testing.RawServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journey files and the files they read that are huge, endless or not files at all: a FIFO, /dev/zero, a folder,
 * a 50 MB journey file. Each is a clear error that names the file (and where the journey file points at it), given
 * at once, before anything runs; in serve a reload refuses it and the old journeys keep running.
 */
class HostileFilesTest {

    static final Duration AT_ONCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    RawServer server;

    @BeforeEach
    void target() throws Exception {
        server = new RawServer((socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    record Result(int code, String out, String err) {}

    static Result cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(AT_ONCE, () -> Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(env), args));
        return new Result(code, out.toString(), err.toString());
    }

    Path journey(String name, String header) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                vars: { base: "%s", token: "%s" }
                defaults: { interval: 1s, timeout: 1s }
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "${base}/", headers: { X-Token: "${token}" } }
                """.formatted(server.url(""), header));
        return file;
    }

    Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        return fifo;
    }

    @Test
    void aFileTemplateOfDevZeroIsAPositionedErrorNotAnOutOfMemoryError() throws Exception {
        Path file = journey("zero.yaml", "${file:/dev/zero}");
        for (String command : List.of("validate", "run")) {
            Result r = cli(Map.of(), command, file.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains(file + ":1:").contains("cannot read file /dev/zero: it is a character device, not a regular file")
                    .doesNotContain("OutOfMemoryError", "Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(server.requests.get()).as("nothing ran").isZero();
    }

    @Test
    void aFileTemplateOfAFifoOrAFolderIsRefusedWithoutReadingIt() throws Exception {
        fifo("token.pipe");
        Files.createDirectory(dir.resolve("tokens"));
        Result fromFifo = cli(Map.of(), "run", journey("fifo.yaml", "${file:token.pipe}").toString());
        assertThat(fromFifo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromFifo.err()).contains("fifo.yaml:1:", "token.pipe: it is a FIFO (named pipe), not a regular file");

        Result fromFolder = cli(Map.of(), "validate", journey("folder.yaml", "${file:tokens}").toString());
        assertThat(fromFolder.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromFolder.err()).contains("folder.yaml:1:", "tokens: it is a folder, not a regular file");
    }

    @Test
    void aSecretFileOfDevZeroIsRefusedToo() throws Exception {
        Path file = journey("secret.yaml", "${secret:TOKEN}");
        Result r = cli(Map.of("TOKEN_FILE", "/dev/zero"), "run", file.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("cannot read secret TOKEN from TOKEN_FILE=/dev/zero: it is a character device");
    }

    @Test
    void aFileTemplateOverTheCapSaysHowLargeItIs() throws Exception {
        Files.write(dir.resolve("big.txt"), new byte[(1 << 20) + 1]);
        Result r = cli(Map.of(), "validate", journey("big.yaml", "${file:big.txt}").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("big.yaml:1:", "the file is larger than 1 MiB (1.0 MiB)");
    }

    @Test
    void aFiftyMegabyteJourneyFileIsRefusedAtOnce() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L << 20);
        }
        Result r = cli(Map.of(), "validate", huge.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(huge + ": the file is larger than 1 MiB (50 MiB)");
    }

    @Test
    void aJourneyFileThatIsAFifoOrADeviceIsRefusedAtOnce() throws Exception {
        Path fifo = fifo("journeys.yaml");
        Result r = cli(Map.of(), "validate", fifo.toString(), "/dev/zero");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(fifo + ": it is a FIFO (named pipe), not a regular file",
                "/dev/zero: it is a character device, not a regular file");
    }

    @Test
    void aReloadOfAnOddFileIsRefusedAndTheWatchGoesOn() throws Exception {
        Path file = journey("journeys.yaml", "plain");
        fifo("token.pipe");
        StringWriter log = new StringWriter();
        Agent agent = Agent.start(config(file, true), Environment.of(Map.of()), new RunLog(new PrintWriter(log, true), RunLog.Format.TEXT, Clock.systemUTC()));
        try {
            awaitLog(log, "journey run");
            String valid = Files.readString(file);
            Files.writeString(file, valid.replace("plain", "${file:token.pipe}"));
            awaitLog(log, "it is a FIFO (named pipe)");
            assertThat(scrape(agent)).contains("uxprobe_config_last_reload_successful{region=\"default\"} 0.0");
            int runsBefore = server.requests.get();
            awaitCondition(() -> server.requests.get() > runsBefore + 1, "the old journey keeps running");

            Files.writeString(file, valid.replace("plain", "${file:/dev/zero}"));
            awaitLog(log, "it is a character device");
            Files.writeString(file, valid.replace("name: home", "name: again"));
            awaitLog(log, "journeys reloaded");
            assertThat(log.toString()).contains("again@default").doesNotContain("OutOfMemoryError", "watching the journey files failed");
            assertThat(scrape(agent)).contains("uxprobe_config_last_reload_successful{region=\"default\"} 1.0");
        } finally {
            agent.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aReloadStuckReadingAFileHoldsUpNoOtherReload() throws Exception {
        Path file = journey("journeys.yaml", "${file:token.txt}");
        Files.writeString(dir.resolve("token.txt"), "t");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        Environment slowDisk = new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.empty();
            }

            @Override
            public String readFile(Path baseDir, String path) throws IOException {
                if (reads.incrementAndGet() == 2) { // the first reload's read: stuck, as on a hung network disk
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Environment.super.readFile(baseDir, path);
            }
        };
        Agent agent = Agent.start(config(file, false), slowDisk, new RunLog(new PrintWriter(new StringWriter()), RunLog.Format.TEXT, Clock.systemUTC()));
        try {
            Thread stuck = Thread.ofVirtual().start(() -> agent.reload("stuck"));
            awaitCondition(() -> reads.get() >= 2, "the first reload is reading");
            Files.writeString(file, Files.readString(file).replace("name: home", "name: later"));
            HttpResponse<String> r = assertTimeoutPreemptively(AT_ONCE, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/-/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("later@default");

            release.countDown();
            stuck.join(AT_ONCE);
            assertThat(agent.reload("check").toString()).as("the stuck reload, older, did not undo the newer one").contains("later@default");
        } finally {
            release.countDown();
            agent.stop(Duration.ofSeconds(1));
        }
    }

    static ServeConfig config(Path file, boolean watch) {
        return new ServeConfig(List.of(file), Map.of(), Optional.empty(), new InetSocketAddress("127.0.0.1", 0), Optional.empty(), 4,
                Duration.ofSeconds(1), watch);
    }

    static String scrape(Agent agent) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void awaitLog(StringWriter log, String text) throws InterruptedException {
        awaitCondition(() -> log.toString().contains(text), "the log says '" + text + "':\n" + log);
    }

    static void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 20 s: " + what);
            Thread.sleep(50);
        }
    }
}
