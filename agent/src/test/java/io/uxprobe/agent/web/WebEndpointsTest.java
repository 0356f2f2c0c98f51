package io.uxprobe.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.ConnectionSpec;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's web server configured from a web config file, called with OkHttp as Prometheus would. */
class WebEndpointsTest {

    // cost 4, the lowest bcrypt allows: these tests are about the wiring, not about bcrypt's cost
    private static final String ALICE_HASH = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "wonderland".toCharArray());

    @TempDir
    Path dir;

    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void withoutAWebConfigTheEndpointsArePlainHttpAndOpen() throws Exception {
        start(WebConfig.none());
        try (Response r = call(plainClient(), "http", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("uxprobe_test_total 1.0");
        }
    }

    @Test
    void anEmptyWebConfigTurnsNothingOn() throws Exception {
        WebConfig config = load("# nothing yet\n");
        assertThat(config.tls()).isFalse();
        assertThat(config.authenticator()).isEmpty();
        assertThat(config.description()).isEqualTo("plain HTTP, no basic auth");
    }

    @Test
    void tlsServesTheCertificateToAClientThatTrustsItsCa() throws Exception {
        Certificates.write(dir);
        WebConfig config = load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                """);
        assertThat(config.description()).isEqualTo("TLS (TLSv1.2, TLSv1.3), no basic auth");
        start(config);

        try (Response r = call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.handshake().peerCertificates()).first()
                    .isEqualTo(Certificates.SERVER.certificate());
        }
    }

    @Test
    void tlsIsRefusedByAClientThatDoesNotTrustTheCa() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                """));

        assertThatThrownBy(() -> call(tlsClient(Certificates.OTHER_CA.certificate(), null), "https", "/metrics", null).close())
                .isInstanceOf(SSLException.class);
    }

    @Test
    void plainHttpToATlsEndpointGetsNoMetrics() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                """));
        OkHttpClient impatient = plainClient().newBuilder().readTimeout(java.time.Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> call(impatient, "http", "/metrics", null).close()).isInstanceOf(IOException.class);
    }

    @Test
    void pkcs1RsaAndSec1EcKeysAsOpensslWritesThem() throws Exception {
        for (String name : List.of("rsa-pkcs1", "ec-sec1")) {
            Files.copy(resource(name + ".crt"), dir.resolve(name + ".crt"));
            Files.copy(resource(name + ".key"), dir.resolve(name + ".key"));
            start(load("""
                    tls_server_config:
                      cert_file: %1$s.crt
                      key_file: %1$s.key
                    """.formatted(name)));
            X509Certificate selfSigned = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(dir.resolve(name + ".crt")));
            try (Response r = call(tlsClient(selfSigned, null), "https", "/metrics", null)) {
                assertThat(r.code()).as(name).isEqualTo(200);
            }
            server.close();
            server = null;
        }
    }

    @Test
    void inlineCertAndKeyWorkLikeFiles() throws Exception {
        start(load("tls_server_config:\n  cert: |\n" + indent(Certificates.SERVER.certificatePem())
                + "  key: |\n" + indent(Certificates.SERVER.privateKeyPkcs8Pem())));
        try (Response r = call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void minVersionTls13RefusesATls12Client() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                  min_version: TLS13
                """));
        OkHttpClient tls12Only = tlsClient(Certificates.CA.certificate(), null).newBuilder()
                .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_2).build()))
                .build();
        assertThatThrownBy(() -> call(tls12Only, "https", "/metrics", null).close()).isInstanceOf(SSLException.class);
        try (Response r = call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null)) {
            assertThat(r.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_3);
        }
    }

    @Test
    void cipherSuitesAndCurvesAreTheOnesConfigured() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                  max_version: TLS12
                  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]
                  curve_preferences: [CurveP384, CurveP256]
                  prefer_server_cipher_suites: false
                """));
        try (Response r = call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null)) {
            assertThat(r.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
            assertThat(r.handshake().cipherSuite().javaName()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
    }

    @Test
    void basicAuthLetsTheRightPasswordIn() throws Exception {
        start(load("basic_auth_users:\n  alice: " + ALICE_HASH + "\n"));
        for (String path : List.of("/metrics", "/-/healthy", "/")) {
            try (Response r = call(plainClient(), "http", path, Credentials.basic("alice", "wonderland"))) {
                assertThat(r.code()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void basicAuthAnswersAWrongOrMissingPasswordWith401AndAChallenge() throws Exception {
        start(load("basic_auth_users:\n  alice: " + ALICE_HASH + "\n"));
        for (String authorization : new String[] {
                Credentials.basic("alice", "looking-glass"), Credentials.basic("bob", "wonderland"),
                Credentials.basic("alice", ""), "Basic not-base64!", "Bearer wonderland", null}) {
            for (String path : List.of("/metrics", "/-/healthy", "/")) {
                try (Response r = call(plainClient(), "http", path, authorization)) {
                    assertThat(r.code()).as(authorization + " " + path).isEqualTo(401);
                    assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"uxprobe\"");
                    assertThat(r.body().string()).doesNotContain("uxprobe_test_total");
                }
            }
        }
    }

    @Test
    void basicAuthOverTls() throws Exception {
        Certificates.write(dir);
        WebConfig config = load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                basic_auth_users:
                  alice: %s
                  bob: %s
                """.formatted(ALICE_HASH, BCrypt.withDefaults().hashToString(4, "builder".toCharArray())));
        assertThat(config.description()).isEqualTo("TLS (TLSv1.2, TLSv1.3), basic auth (2 users)");
        start(config);
        OkHttpClient client = tlsClient(Certificates.CA.certificate(), null);
        try (Response r = call(client, "https", "/metrics", Credentials.basic("bob", "builder"))) {
            assertThat(r.code()).isEqualTo(200);
        }
        try (Response r = call(client, "https", "/metrics", Credentials.basic("bob", "wonderland"))) {
            assertThat(r.code()).isEqualTo(401);
        }
    }

    @Test
    void headersGoOnEveryResponseThe401sToo() throws Exception {
        start(load("""
                http_server_config:
                  headers:
                    X-Content-Type-Options: nosniff
                    Strict-Transport-Security: max-age=31536000
                    X-Custom: uxprobe
                basic_auth_users:
                  alice: %s
                """.formatted(ALICE_HASH)));
        for (String authorization : new String[] {Credentials.basic("alice", "wonderland"), null}) {
            try (Response r = call(plainClient(), "http", "/metrics", authorization)) {
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
                assertThat(r.header("X-Custom")).isEqualTo("uxprobe");
            }
        }
    }

    @Test
    void headersWithoutBasicAuthLetEveryoneIn() throws Exception {
        start(load("http_server_config:\n  headers:\n    X-Frame-Options: deny\n  http2: true\n"));
        try (Response r = call(plainClient(), "http", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("X-Frame-Options")).isEqualTo("deny");
        }
    }

    @Test
    void requireAndVerifyClientCertLetsInOnlyClientsSignedByTheClientCa() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                """));
        try (Response r = call(tlsClient(Certificates.CA.certificate(), Certificates.CLIENT), "https", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
        }
        // with TLS 1.3 the server's refusal can arrive after the client's handshake is done: any I/O failure counts
        assertThatThrownBy(() -> call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null).close())
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> call(insistingClient(Certificates.STRANGER), "https", "/metrics", null).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void verifyClientCertIfGivenLetsInClientsWithoutOneButNotStrangers() throws Exception {
        Certificates.write(dir);
        start(load("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                  client_auth_type: VerifyClientCertIfGiven
                  client_ca_file: ca.crt
                """));
        try (Response r = call(tlsClient(Certificates.CA.certificate(), null), "https", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
        }
        try (Response r = call(tlsClient(Certificates.CA.certificate(), Certificates.CLIENT), "https", "/metrics", null)) {
            assertThat(r.handshake().localCertificates()).containsExactly(Certificates.CLIENT.certificate());
        }
        try (Response r = call(insistingClient(Certificates.CLIENT), "https", "/metrics", null)) {
            assertThat(r.code()).isEqualTo(200);
        }
        // a JDK client only offers a certificate the server's CA list names, so insist, as a hostile client would
        assertThatThrownBy(() -> call(insistingClient(Certificates.STRANGER), "https", "/metrics", null).close())
                .isInstanceOf(IOException.class);
    }

    private WebConfig load(String yaml) throws IOException, WebConfigException {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, yaml);
        return WebConfigLoader.load(file);
    }

    private void start(WebConfig config) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(() -> CounterSnapshot.builder().name("uxprobe_test")
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(1).build()).build());
        server = WebServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, registry, exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
    }

    private Response call(OkHttpClient client, String scheme, String path, String authorization) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(scheme + "://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.port() + path);
        if (authorization != null) request.header("Authorization", authorization);
        return client.newCall(request.build()).execute();
    }

    private static OkHttpClient plainClient() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    private static OkHttpClient tlsClient(X509Certificate trusted, HeldCertificate clientCertificate) {
        HandshakeCertificates.Builder certificates = new HandshakeCertificates.Builder().addTrustedCertificate(trusted);
        if (clientCertificate != null) certificates.heldCertificate(clientCertificate);
        HandshakeCertificates built = certificates.build();
        return plainClient().newBuilder().sslSocketFactory(built.sslSocketFactory(), built.trustManager()).build();
    }

    /** A client that presents {@code certificate} whatever CAs the server asks for. */
    private static OkHttpClient insistingClient(HeldCertificate certificate) throws Exception {
        X509TrustManager trust = new HandshakeCertificates.Builder().addTrustedCertificate(Certificates.CA.certificate()).build().trustManager();
        X509KeyManager insist = new X509ExtendedKeyManager() {
            @Override
            public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
                return "client";
            }

            @Override
            public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
                return "client";
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return new X509Certificate[] {certificate.certificate()};
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return certificate.keyPair().getPrivate();
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"client"};
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {insist}, new TrustManager[] {trust}, null);
        return plainClient().newBuilder().sslSocketFactory(context.getSocketFactory(), trust).build();
    }

    private static String indent(String pem) {
        return pem.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(WebEndpointsTest.class.getResource("/web/" + name).toURI());
    }
}
