package io.uxprobe.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.uxprobe.probes.testing.RawServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's port under attack, as {@code java -jar uxprobe.jar serve} with basic auth: 200 connections that are
 * slowloris (a header byte a second), half-open (connected, silent) or a wrong-password flood. A valid scrape, by
 * Prometheus (logged in before) and by a user logging in for the first time, still answers within Prometheus's
 * default 10 s scrape timeout; slow connections are closed and hold no platform thread; a burst of connections is
 * queued, not dropped.
 */
class HostileAgentPortIT {

    static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aValidScrapeAnswersWithinTheScrapeTimeoutUnderTwoHundredAttackingConnections() throws Exception {
        try (RawServer target = new RawServer((socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            int port = freePort();
            Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  prometheus: " + hash("scrape-pw") + "\n  grafana: " + hash("grafana-pw") + "\n");
            Files.writeString(dir.resolve("journeys.yaml"), """
                    defaults: { interval: 1s, timeout: 1s }
                    journeys:
                      - name: home
                        steps:
                          - name: home
                            request: { url: "%s" }
                    """.formatted(target.url("/")));
            Path log = dir.resolve("agent.log");
            Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("uxprobe.jar"), "serve", "journeys.yaml", "--listen", "127.0.0.1:" + port, "--web-config", "web.yml")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor();
            AtomicBoolean attacking = new AtomicBoolean(true);
            List<Socket> sockets = new ArrayList<>();
            try {
                awaitStatus(port, "prometheus", "scrape-pw", 200, Duration.ofSeconds(30), log);

                // a burst: 100 connections at once are queued by the kernel, none waits for a retransmitted SYN
                assertThat(slowestOfConnections(port, 100)).as("slowest of 100 simultaneous connects").isLessThan(Duration.ofMillis(900));

                for (int i = 0; i < 70; i++) sockets.add(halfOpen(port));
                List<Socket> slow = new ArrayList<>();
                for (int i = 0; i < 70; i++) slow.add(slowloris(port, attackers, attacking));
                sockets.addAll(slow);
                AtomicInteger wrongTries = new AtomicInteger();
                for (int i = 0; i < 60; i++) {
                    attackers.submit(() -> {
                        while (attacking.get()) {
                            try {
                                status(port, "prometheus", "not-the-password", Duration.ofSeconds(30));
                                wrongTries.incrementAndGet();
                            } catch (IOException e) {
                                // refused or cut off under load: try again
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(2000); // the attack is in full swing

                long start = System.nanoTime();
                assertThat(status(port, "prometheus", "scrape-pw", SCRAPE_TIMEOUT)).isEqualTo(200);
                assertThat(status(port, "grafana", "grafana-pw", SCRAPE_TIMEOUT)).as("a first login, behind the flood").isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SCRAPE_TIMEOUT);
                assertThat(wrongTries.get()).as("the flood was answered, not stuck").isPositive();

                String metrics = get(port, "prometheus", "scrape-pw", SCRAPE_TIMEOUT);
                double threads = value(metrics, "jvm_threads_live_threads");
                assertThat(threads).as("no platform thread per slow connection: " + threads).isLessThan(60);

                // slowloris connections are closed once they have taken the request timeout (5 s), however slowly they send
                long closedBy = System.nanoTime() + Duration.ofSeconds(12).toNanos();
                for (Socket s : slow) {
                    s.setSoTimeout((int) Math.max(1, (closedBy - System.nanoTime()) / 1_000_000));
                    assertThat(closedByServer(s)).as("a slowloris connection was closed by the agent").isTrue();
                }
            } finally {
                attacking.set(false);
                for (Socket s : sockets) s.close();
                attackers.shutdownNow();
                agent.destroy();
                if (!agent.waitFor(15, TimeUnit.SECONDS)) agent.destroyForcibly();
            }
            assertThat(Files.readString(log)).doesNotContain("Exception", "WARNING");
        }
    }

    static String hash(String password) {
        return new String(BCrypt.withDefaults().hash(10, password.toCharArray()), StandardCharsets.US_ASCII);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Duration slowestOfConnections(int port, int n) throws Exception {
        List<SocketChannel> channels = new ArrayList<>();
        long start = System.nanoTime();
        long slowest = 0;
        try {
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new InetSocketAddress("127.0.0.1", port));
                channels.add(c);
            }
            for (SocketChannel c : channels) {
                while (!c.finishConnect()) Thread.sleep(1);
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
        } finally {
            for (SocketChannel c : channels) c.close();
        }
        return Duration.ofNanos(slowest);
    }

    static Socket halfOpen(int port) throws IOException {
        return new Socket("127.0.0.1", port);
    }

    /** Starts a request and sends one more header byte every second, never ending it. */
    static Socket slowloris(int port, ExecutorService threads, AtomicBoolean attacking) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        OutputStream out = s.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: agent\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        threads.submit(() -> {
            while (attacking.get()) {
                Thread.sleep(1000);
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException closed) {
                    return null;
                }
            }
            return null;
        });
        return s;
    }

    static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            while (in.read() != -1) {
                // a 408 or whatever the server says before it closes
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    static int status(int port, String user, String password, Duration timeout) throws IOException {
        return Integer.parseInt(request(port, user, password, timeout).split(" ", 3)[1]);
    }

    static String get(int port, String user, String password, Duration timeout) throws IOException {
        String response = request(port, user, password, timeout);
        assertThat(response).startsWith("HTTP/1.1 200");
        return response;
    }

    /** One GET /metrics on a fresh connection, as Prometheus makes it; the whole response as text. */
    static String request(int port, String user, String password, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: agent\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void awaitStatus(int port, String user, String password, int wanted, Duration within, Path log) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (status(port, user, password, Duration.ofSeconds(5)) == wanted) return;
            } catch (IOException | RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the agent did not answer " + wanted + " within " + within + ":\n" + Files.readString(log));
    }

    static double value(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.eE+]+)$").matcher(exposition);
        assertThat(m.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
