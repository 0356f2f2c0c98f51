package io.uxprobe.probes.journey;

import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS verification is on; a CA file adds trust; insecure turns it off; each broken certificate is a tls failure. */
class TlsTest {

    static HeldCertificate root;
    static HttpClients clients;
    @TempDir
    static Path dir;

    @BeforeAll
    static void ca() {
        root = new HeldCertificate.Builder().certificateAuthority(0).commonName("uxprobe test CA").build();
        clients = new HttpClients();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    /** An HTTPS server on loopback presenting {@code cert}; answers "hello" to everything. */
    static HttpsServer serve(HeldCertificate cert) throws Exception {
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert, root.certificate()).build();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server.sslContext()));
        https.createContext("/", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        return https;
    }

    static HeldCertificate cert(String host, long notBefore, long notAfter) {
        return new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName(host).commonName(host)
                .validityInterval(notBefore, notAfter).build();
    }

    static HeldCertificate valid(String host) {
        long now = System.currentTimeMillis();
        return cert(host, now - TimeUnit.DAYS.toMillis(1), now + TimeUnit.DAYS.toMillis(30));
    }

    static StepResult probe(HttpsServer server, Tls tls) {
        String url = "https://localhost:" + server.getAddress().getPort() + "/";
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
        return runner.run(journey("tls", StepBuilder.withTls(tls), step("home", url).build()), Variables.empty(), Redactor.none()).steps().getFirst();
    }

    static Tls trustingRoot() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, root.certificatePem());
        return new Tls(Optional.of(ca), false);
    }

    @Test
    void untrustedCertificateFailsWithTls() throws Exception {
        HttpsServer s = serve(valid("localhost"));
        try {
            StepResult r = probe(s, Tls.DEFAULT);
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.TLS);
            assertThat(r.failure().get().detail()).contains("not trusted");
        } finally {
            s.stop(0);
        }
    }

    @Test
    void caFileAddsTrustAndTheExpiryIsReported() throws Exception {
        HeldCertificate cert = valid("localhost");
        HttpsServer s = serve(cert);
        try {
            StepResult r = probe(s, trustingRoot());
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(r.certificateExpiry()).hasValue(cert.certificate().getNotAfter().toInstant());
            assertThat(r.phases().get(Phase.TLS)).isPositive();
        } finally {
            s.stop(0);
        }
    }

    @Test
    void insecureAcceptsAnyCertificate() throws Exception {
        HttpsServer s = serve(valid("somewhere-else.example"));
        try {
            StepResult r = probe(s, new Tls(Optional.empty(), true));
            assertThat(r.passed()).as(r.toString()).isTrue();
        } finally {
            s.stop(0);
        }
    }

    @Test
    void expiredCertificateFailsWithTls() throws Exception {
        long now = System.currentTimeMillis();
        HttpsServer s = serve(cert("localhost", now - TimeUnit.DAYS.toMillis(30), now - TimeUnit.DAYS.toMillis(1)));
        try {
            StepResult r = probe(s, trustingRoot());
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.TLS);
            assertThat(r.failure().get().detail()).contains("expired");
        } finally {
            s.stop(0);
        }
    }

    @Test
    void wrongHostCertificateFailsWithTls() throws Exception {
        HttpsServer s = serve(valid("not-localhost.example"));
        try {
            StepResult r = probe(s, trustingRoot());
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.TLS);
            assertThat(r.failure().get().detail()).contains("does not match");
            assertThat(r.duration()).isLessThan(Duration.ofSeconds(3));
        } finally {
            s.stop(0);
        }
    }
}
