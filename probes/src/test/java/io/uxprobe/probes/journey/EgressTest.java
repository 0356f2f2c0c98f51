package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A region's requests leave through its proxy (HTTP, HTTPS or SOCKS5) and resolve names with its DNS server. */
class EgressTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1")).build();
    static HttpClients clients;
    static JourneyRunner runner;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        clients = new HttpClients();
        runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @BeforeEach
    void stubs() {
        wm.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody("hello")));
    }

    static StepResult probe(String url, Egress egress) {
        return probe(url, Settings.BUILT_IN, egress);
    }

    static StepResult probe(String url, Settings settings, Egress egress) {
        Journey j = journey("home", settings, step("home", url).timeout(Duration.ofSeconds(5)).build());
        return runner.run(j, Variables.empty(), Redactor.of(List.of("s3cret")), egress).steps().getFirst();
    }

    static Egress through(ProxyServer proxy) {
        return new Egress(Optional.of(proxy), Optional.empty());
    }

    static ProxyServer http(int port) {
        return new ProxyServer(ProxyServer.Type.HTTP, "127.0.0.1", port, Optional.empty());
    }

    String site() {
        return "http://127.0.0.1:" + wm.getPort() + "/";
    }

    @Test
    void anHttpSiteIsAskedForThroughTheProxy() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.plain()) {
            StepResult home = probe(site(), through(http(proxy.port())));

            assertThat(home.failure()).isEmpty();
            assertThat(proxy.seen).extracting(ForwardProxy.Seen::requestLine).containsExactly("GET " + site() + " HTTP/1.1");
            wm.verify(getRequestedFor(urlPathEqualTo("/")).withHeader("Via", equalTo(ForwardProxy.VIA)));
        }
    }

    @Test
    void anHttpsSiteIsReachedThroughACONNECTTunnel() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.plain()) {
            String site = "https://127.0.0.1:" + wm.getHttpsPort() + "/";

            StepResult home = probe(site, StepBuilder.withTls(new Tls(Optional.empty(), true)), through(http(proxy.port())));

            assertThat(home.failure()).isEmpty();
            assertThat(proxy.seen).extracting(ForwardProxy.Seen::requestLine)
                    .containsExactly("CONNECT 127.0.0.1:" + wm.getHttpsPort() + " HTTP/1.1");
            wm.verify(getRequestedFor(urlPathEqualTo("/")).withHeader("Via", absent()));
        }
    }

    @Test
    void theProxyPasswordGoesToTheProxyOnlyAndOnTheFirstRequest() throws Exception {
        String basic = okhttp3.Credentials.basic("probe", "s3cret");
        ProxyServer proxy = new ProxyServer(ProxyServer.Type.HTTP, "127.0.0.1", 0, Optional.of(new ProxyServer.Credentials("probe", "s3cret")));
        try (ForwardProxy server = new ForwardProxy(javax.net.ServerSocketFactory.getDefault(), Optional.of(basic))) {
            ProxyServer withPort = new ProxyServer(proxy.type(), proxy.host(), server.port(), proxy.credentials());
            String tunnelled = "https://127.0.0.1:" + wm.getHttpsPort() + "/";

            StepResult plain = probe(site(), through(withPort));
            StepResult tls = probe(tunnelled, StepBuilder.withTls(new Tls(Optional.empty(), true)), through(withPort));

            assertThat(plain.failure()).isEmpty();
            assertThat(tls.failure()).isEmpty();
            assertThat(server.seen).as("no 407 round trip: the password goes with the first request")
                    .containsExactly(new ForwardProxy.Seen("GET " + site() + " HTTP/1.1", Optional.of(basic)),
                            new ForwardProxy.Seen("CONNECT 127.0.0.1:" + wm.getHttpsPort() + " HTTP/1.1", Optional.of(basic)));
            wm.verify(2, getRequestedFor(urlPathEqualTo("/")).withHeader("Proxy-Authorization", absent()));
        }
    }

    @Test
    void aWrongProxyPasswordIsTheProxysAnswerOrAConnectFailure() throws Exception {
        ProxyServer.Credentials wrong = new ProxyServer.Credentials("probe", "s3cret");
        try (ForwardProxy server = new ForwardProxy(javax.net.ServerSocketFactory.getDefault(), Optional.of("Basic other"))) {
            Egress egress = through(new ProxyServer(ProxyServer.Type.HTTP, "127.0.0.1", server.port(), Optional.of(wrong)));

            StepResult plain = probe(site(), egress);
            StepResult tls = probe("https://127.0.0.1:" + wm.getHttpsPort() + "/", StepBuilder.withTls(new Tls(Optional.empty(), true)), egress);

            assertThat(plain.failure().orElseThrow()).isEqualTo(Failure.of(FailureReason.CONNECT,
                    "proxy http://127.0.0.1:" + server.port() + " refused the password (407 Proxy Authentication Required)"));
            assertThat(plain.status()).hasValue(407);
            assertThat(tls.failure().orElseThrow().reason()).isEqualTo(FailureReason.CONNECT);
            assertThat(tls.failure().orElseThrow().detail())
                    .startsWith("could not connect through proxy http://127.0.0.1:" + server.port() + ": ")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void aProxyThatWantsAPasswordSaysSo() throws Exception {
        try (ForwardProxy server = new ForwardProxy(javax.net.ServerSocketFactory.getDefault(), Optional.of("Basic x"))) {
            StepResult plain = probe(site(), through(http(server.port())));

            assertThat(plain.failure().orElseThrow()).isEqualTo(Failure.of(FailureReason.CONNECT, "proxy http://127.0.0.1:" + server.port()
                    + " wants a password (407 Proxy Authentication Required): give it in the region's proxy URL as user:password@"));
        }
    }

    @Test
    void aProxyThatIsDownFailsWithConnectNamingTheProxy() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ProxyServer down = new ProxyServer(ProxyServer.Type.HTTP, "127.0.0.1", port, Optional.of(new ProxyServer.Credentials("probe", "s3cret")));

        StepResult home = probe(site(), through(down));

        assertThat(home.failure().orElseThrow().reason()).isEqualTo(FailureReason.CONNECT);
        assertThat(home.failure().orElseThrow().detail())
                .startsWith("could not connect through proxy http://127.0.0.1:" + port + ": ")
                .doesNotContain("s3cret").doesNotContain("probe");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void anHttpsProxyIsSpokenToOverTlsAndItsCertificateChecked() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("proxy CA").build();
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder().heldCertificate(cert, root.certificate()).build();
        Path ca = Files.writeString(dir.resolve("proxy-ca.pem"), root.certificatePem());
        try (ForwardProxy server = new ForwardProxy(serverTls.sslContext().getServerSocketFactory(), Optional.empty())) {
            Egress egress = through(new ProxyServer(ProxyServer.Type.HTTPS, "localhost", server.port(), Optional.empty()));

            StepResult trusted = probe(site(), StepBuilder.withTls(new Tls(Optional.of(ca), false)), egress);
            StepResult untrusted = probe(site(), egress);

            assertThat(trusted.failure()).isEmpty();
            assertThat(server.seen).extracting(ForwardProxy.Seen::requestLine).containsExactly("GET " + site() + " HTTP/1.1");
            wm.verify(getRequestedFor(urlPathEqualTo("/")).withHeader("Via", equalTo(ForwardProxy.VIA)));
            assertThat(untrusted.failure().orElseThrow().reason()).isEqualTo(FailureReason.TLS);
            assertThat(untrusted.failure().orElseThrow().detail()).endsWith("(through proxy https://localhost:" + server.port() + ")");
        }
    }

    @Test
    void aSocks5ProxyIsGivenTheSiteByName() throws Exception {
        try (Socks5Proxy proxy = new Socks5Proxy()) {
            Egress egress = through(new ProxyServer(ProxyServer.Type.SOCKS5, "127.0.0.1", proxy.port(), Optional.empty()));

            StepResult home = probe("http://localhost:" + wm.getPort() + "/", egress);

            assertThat(home.failure()).isEmpty();
            assertThat(proxy.targets).containsExactly("localhost:" + wm.getPort());
        }
    }

    @Test
    void theRegionsDnsServerResolvesTheSite() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("shop.test", InetAddress.getByName("127.0.0.1")))) {
            Egress egress = new Egress(Optional.empty(), Optional.of(new DnsServer("127.0.0.1", dns.port())));

            StepResult shop = probe("http://shop.test:" + wm.getPort() + "/", egress);
            StepResult unknown = probe("http://nowhere.test:" + wm.getPort() + "/", egress);

            assertThat(shop.failure()).isEmpty();
            assertThat(shop.phases().get(Phase.DNS)).isPositive();
            wm.verify(getRequestedFor(urlPathEqualTo("/")).withHeader("Host", equalTo("shop.test:" + wm.getPort())));
            assertThat(unknown.failure().orElseThrow().reason()).isEqualTo(FailureReason.DNS);
            assertThat(unknown.failure().orElseThrow().detail())
                    .isEqualTo("host name did not resolve: nowhere.test: no such name at DNS server 127.0.0.1:" + dns.port());
            assertThat(dns.asked).containsExactly("shop.test/A", "shop.test/AAAA", "nowhere.test/A");
        }
    }

    @Test
    void withAnHttpProxyTheDnsServerResolvesTheProxysName() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("proxy.test", InetAddress.getByName("127.0.0.1")));
                ForwardProxy proxy = ForwardProxy.plain()) {
            Optional<DnsServer> server = Optional.of(new DnsServer("127.0.0.1", dns.port()));
            Egress egress = new Egress(Optional.of(new ProxyServer(ProxyServer.Type.HTTP, "proxy.test", proxy.port(), Optional.empty())), server);
            Egress unknown = new Egress(Optional.of(new ProxyServer(ProxyServer.Type.HTTP, "gone.test", proxy.port(), Optional.empty())), server);

            StepResult home = probe(site(), egress);
            StepResult lost = probe(site(), unknown);

            assertThat(home.failure()).isEmpty();
            assertThat(proxy.seen).hasSize(1);
            assertThat(lost.failure().orElseThrow().reason()).isEqualTo(FailureReason.DNS);
            assertThat(lost.failure().orElseThrow().detail()).isEqualTo("host name of proxy http://gone.test:" + proxy.port()
                    + " did not resolve: gone.test: no such name at DNS server 127.0.0.1:" + dns.port());
        }
    }

    @Test
    void eachRunConnectsThroughTheProxyAfresh() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.plain()) {
            Egress egress = through(http(proxy.port()));

            probe(site(), egress);
            probe(site(), egress);
            probe(site(), Egress.DIRECT);

            assertThat(proxy.seen).as("each run opens its own connection through the proxy; a direct run does not use it").hasSize(2);
            wm.verify(3, getRequestedFor(urlPathEqualTo("/")));
        }
    }
}
