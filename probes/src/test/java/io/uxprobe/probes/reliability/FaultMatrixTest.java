package io.uxprobe.probes.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.testing.RawServer;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix: every way a target can break, probed again and again. For each fault: the right reason every
 * time, the runner never throws, exactly one request per probe (no retry storm), and no platform-thread or
 * file-descriptor growth across the runs. Fast faults run 1,000 times; faults that wait out a deadline run 25 times.
 */
class FaultMatrixTest {

    private static final int MANY = 1_000;
    private static final int FEW = 25;

    @TempDir
    static Path dir;
    static HttpClients clients;
    static JourneyRunner runner;
    static WireMockServer wm;
    static HeldCertificate root;

    @BeforeAll
    static void start() {
        java.security.Security.setProperty("networkaddress.cache.negative.ttl", "0");
        clients = new HttpClients();
        runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        root = new HeldCertificate.Builder().certificateAuthority(0).commonName("uxprobe fault CA").build();
    }

    @AfterAll
    static void stop() {
        wm.stop();
        clients.close();
    }

    // --- WireMock faults ---------------------------------------------------------------------------------------

    @Test
    void connectionReset() throws Exception {
        wireMockFault("/reset", Fault.CONNECTION_RESET_BY_PEER);
        matrix("reset", wm.baseUrl() + "/reset", "", FailureReason.PROTOCOL, MANY, () -> wmCount("/reset"), 1);
    }

    @Test
    void emptyReply() throws Exception {
        wireMockFault("/empty", Fault.EMPTY_RESPONSE);
        matrix("empty reply", wm.baseUrl() + "/empty", "", FailureReason.PROTOCOL, MANY, () -> wmCount("/empty"), 1);
    }

    @Test
    void malformedChunk() throws Exception {
        wireMockFault("/chunk", Fault.MALFORMED_RESPONSE_CHUNK);
        matrix("malformed chunk", wm.baseUrl() + "/chunk", "", FailureReason.PROTOCOL, MANY, () -> wmCount("/chunk"), 1);
    }

    @Test
    void randomDataThenClose() throws Exception {
        wireMockFault("/random", Fault.RANDOM_DATA_THEN_CLOSE);
        matrix("random data", wm.baseUrl() + "/random", "", FailureReason.PROTOCOL, FEW * 4, () -> wmCount("/random"), 1);
    }

    @Test
    void redirectLoopStopsAtOkHttpsLimit() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        // a loop is the one case with more than one request: OkHttp gives up after 20 follow-ups, never more
        matrix("redirect loop", wm.baseUrl() + "/loop", "", FailureReason.PROTOCOL, FEW * 2, () -> wmCount("/loop"), 21);
    }

    // --- raw-socket faults -------------------------------------------------------------------------------------

    @Test
    void slowHeaders() throws Exception {
        try (RawServer raw = new RawServer((socket, out) -> untilHungUp(socket.getInputStream()))) {
            matrix("slow headers", raw.url("/"), "timeout: 150ms", FailureReason.TIMEOUT, FEW, raw.requests::get, 1);
        }
    }

    @Test
    void dribbledBody() throws Exception {
        try (RawServer raw = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                RawServer.write(out, "x");
                Thread.sleep(20);
            }
        })) {
            matrix("dribbled body", raw.url("/"), "timeout: 150ms", FailureReason.TIMEOUT, FEW, raw.requests::get, 1);
        }
    }

    @Test
    void stalledStream() throws Exception {
        try (RawServer raw = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: 1000000\r\n\r\n");
            RawServer.write(out, "x".repeat(1000));
            untilHungUp(socket.getInputStream());
        })) {
            matrix("stalled stream", raw.url("/"), "stream: { stallAfter: 100ms }\n        timeout: 1s", FailureReason.STREAM_STALL,
                    FEW, raw.requests::get, 1);
        }
    }

    @Test
    void hugeBody() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (RawServer raw = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: identity\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < 64; i++) out.write(chunk); // 4 MiB without a Content-Length, far over the cap
        })) {
            matrix("huge body", raw.url("/"), "maxBodySize: 64KiB", FailureReason.BODY_TOO_LARGE, FEW * 4, raw.requests::get, 1);
        }
    }

    @Test
    void refusedPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        matrix("refused port", "http://127.0.0.1:" + port + "/", "", FailureReason.CONNECT, MANY, () -> 0, 0);
    }

    @Test
    void dnsFailure() throws Exception {
        matrix("dns failure", "http://no-such-host.invalid/", "", FailureReason.DNS, FEW, () -> 0, 0);
    }

    @Test
    void blackholedPort() throws Exception {
        // a listening socket that never accepts, its backlog filled: SYNs to it go unanswered, as to a blackhole
        try (ServerSocket hole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                try {
                    s.connect(hole.getLocalSocketAddress(), 200);
                    fillers.add(s);
                } catch (IOException full) {
                    s.close();
                    break;
                }
            }
            try {
                matrix("blackholed port", "http://127.0.0.1:" + hole.getLocalPort() + "/", "timeout: 150ms",
                        FailureReason.TIMEOUT, FEW, () -> 0, 0);
            } finally {
                for (Socket s : fillers) s.close();
            }
        }
    }

    @Test
    void expiredSelfSignedAndWrongHostCertificates() throws Exception {
        long now = System.currentTimeMillis();
        long day = TimeUnit.DAYS.toMillis(1);
        HeldCertificate expired = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost")
                .validityInterval(now - 30 * day, now - day).build();
        HeldCertificate wrongHost = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("elsewhere.example")
                .validityInterval(now - day, now + 30 * day).build();
        HeldCertificate selfSigned = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .validityInterval(now - day, now + 30 * day).build();
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, root.certificatePem());
        String trust = "tls: { caFile: \"" + ca + "\" }";
        for (var c : List.of(new Object[] {"expired", expired, root}, new Object[] {"wrong host", wrongHost, root},
                new Object[] {"self-signed", selfSigned, selfSigned})) {
            AtomicInteger hits = new AtomicInteger();
            HttpsServer https = https((HeldCertificate) c[1], (HeldCertificate) c[2], hits);
            try {
                matrix((String) c[0] + " certificate", "https://localhost:" + https.getAddress().getPort() + "/", trust,
                        FailureReason.TLS, FEW * 2, hits::get, 0);
            } finally {
                https.stop(0);
            }
        }
    }

    // --- the matrix -------------------------------------------------------------------------------------------

    /**
     * Probes {@code url} {@code runs} times, each a fresh journey run as serve makes it; checks the reason, the
     * requests the target saw ({@code perProbe} each), and that platform threads and fds did not grow.
     *
     * @param settings journey-level YAML lines for the step (timeout, stream, maxBodySize, tls)
     */
    private static void matrix(String fault, String url, String settings, FailureReason reason, int runs,
                               IntSupplier requests, int perProbe) throws Exception {
        JourneyFile file = journeyFile(url, settings);
        var journey = file.journeys().getFirst();
        int warm = Math.min(20, runs / 5);
        for (int i = 0; i < warm; i++) runner.run(journey, file.vars(), file.redactor());
        settle();
        int requestsBefore = requests.getAsInt();
        int threadsBefore = platformThreads();
        long fdsBefore = openFds();
        for (int i = 0; i < runs; i++) {
            JourneyResult r = runner.run(journey, file.vars(), file.redactor());
            assertThat(r.failure()).as("%s, run %d", fault, i).isPresent();
            assertThat(r.failure().get().reason()).as("%s, run %d: %s", fault, i, r.failure().get().detail()).isEqualTo(reason);
        }
        settle();
        assertThat(requests.getAsInt() - requestsBefore).as("%s: requests the target saw for %d probes", fault, runs)
                .isEqualTo(perProbe * runs);
        assertThat(platformThreads()).as("%s: platform threads after %d probes", fault, runs).isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(openFds()).as("%s: open file descriptors after %d probes", fault, runs).isLessThanOrEqualTo(fdsBefore + 4);
    }

    private static JourneyFile journeyFile(String url, String settings) throws Exception {
        String step = "      - name: page\n        request: { url: \"" + url + "\" }\n"
                + (settings.isEmpty() || settings.startsWith("tls") ? "" : "        " + settings + "\n");
        String defaults = settings.startsWith("tls") ? "defaults: { " + settings + " }\n" : "";
        Path f = Files.createTempFile(dir, "fault", ".yaml");
        Files.writeString(f, defaults + "journeys:\n  - name: fault\n    steps:\n" + step);
        return new JourneyFileLoader().load(f);
    }

    /** Lets the far end finish with sockets the probe already gave up on. */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    /** Platform threads of the probing side; the far end's (WireMock's Jetty pool, the JDK's HTTPS server) excluded. */
    private static int platformThreads() {
        var mx = ManagementFactory.getThreadMXBean();
        int n = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith("qtp") || name.startsWith("HTTP-Dispatcher") || name.contains("Jetty") || name.startsWith("pool-")) continue;
            n++;
        }
        return n;
    }

    private static long openFds() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void wireMockFault(String path, Fault fault) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withFault(fault)));
    }

    private static int wmCount(String path) {
        return (int) wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).count();
    }

    private static HttpsServer https(HeldCertificate cert, HeldCertificate issuer, AtomicInteger hits) throws Exception {
        HandshakeCertificates server = cert == issuer
                ? new HandshakeCertificates.Builder().heldCertificate(cert).build()
                : new HandshakeCertificates.Builder().heldCertificate(cert, issuer.certificate()).build();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server.sslContext()));
        https.createContext("/", ex -> {
            hits.incrementAndGet(); // a request that got through the handshake: must never happen here
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        https.start();
        return https;
    }

    /** Sends nothing more until the probe closes its end: a stall that never outlives the probe. */
    private static void untilHungUp(InputStream in) throws IOException {
        while (in.read() != -1) {
            // drain
        }
    }
}
