package io.uxprobe.agent.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real server process for a test (Prometheus, Pushgateway) on a free loopback port, stopped when the test ends. */
public final class Daemon implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    public final int port;

    private Daemon(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code command} (which must listen on {@code port}) and waits until {@code readyPath} answers 200.
     */
    public static Daemon start(List<String> command, int port, String readyPath, Path workDir) throws Exception {
        Path output = Files.createTempFile(workDir, "daemon", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Daemon d = new Daemon(p, output, port);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!p.isAlive()) throw new AssertionError(command.getFirst() + " exited: " + Files.readString(output));
            try {
                if (d.get(readyPath).statusCode() == 200) return d;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        d.close();
        throw new AssertionError(command.getFirst() + " not ready within 30s: " + Files.readString(output));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
