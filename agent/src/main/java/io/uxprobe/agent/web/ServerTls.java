package io.uxprobe.agent.web;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The TLS the agent's endpoints serve: certificate chain and key, versions, and which client certificates it asks
 * for. Read from {@code tls_server_config} by {@link TlsSettingsReader}.
 *
 * @param chain the server's certificate first, then any intermediates
 * @param clientCas the CAs a client certificate must chain to; empty when client certificates are not asked for
 * @param protocols JDK protocol names from min_version to max_version, oldest first
 * @param cipherSuites for TLS 1.2 and older; empty for the JDK's defaults (TLS 1.3's suites are always on, as in Go)
 * @param namedGroups curve_preferences as JDK names; empty for the JDK's defaults
 */
record ServerTls(
        List<X509Certificate> chain,
        PrivateKey key,
        ClientAuth clientAuth,
        List<X509Certificate> clientCas,
        List<String> protocols,
        List<String> cipherSuites,
        List<String> namedGroups,
        boolean preferServerCipherSuites) {

    /** The {@code client_auth_type} values uxprobe serves: those where every certificate it accepts is verified. */
    enum ClientAuth {
        NO_CLIENT_CERT("NoClientCert"),
        VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven"),
        REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert");

        final String configName;

        ClientAuth(String configName) {
            this.configName = configName;
        }
    }

    /** min_version / max_version as Prometheus writes them -> JDK protocol names, oldest first. */
    static final Map<String, String> VERSIONS = Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
    static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

    /** curve_preferences as Prometheus writes them -> JDK named groups. */
    static final Map<String, String> CURVES = Map.of("CurveP256", "secp256r1", "CurveP384", "secp384r1", "CurveP521", "secp521r1", "X25519", "x25519");

    ServerTls {
        chain = List.copyOf(chain);
        clientCas = List.copyOf(clientCas);
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
    }

    /** An SSL context serving {@link #chain} with {@link #key} and trusting {@link #clientCas} for client certificates. */
    SSLContext sslContext() {
        X509Certificate leaf = chain.getFirst();
        HandshakeCertificates.Builder builder = new HandshakeCertificates.Builder().heldCertificate(
                new HeldCertificate(new KeyPair(leaf.getPublicKey(), key), leaf),
                chain.subList(1, chain.size()).toArray(X509Certificate[]::new));
        clientCas.forEach(builder::addTrustedCertificate);
        return builder.build().sslContext();
    }

    /** For client_java's {@code HTTPServer.Builder.httpsConfigurator}. */
    HttpsConfigurator configurator() {
        SSLContext context = sslContext();
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(parameters(context));
            }
        };
    }

    SSLParameters parameters(SSLContext context) {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(protocols.toArray(String[]::new));
        if (!cipherSuites.isEmpty()) {
            List<String> suites = new ArrayList<>(cipherSuites);
            Arrays.stream(p.getCipherSuites()).filter(ServerTls::isTls13Suite).forEach(suites::add);
            p.setCipherSuites(suites.toArray(String[]::new));
        }
        if (!namedGroups.isEmpty()) p.setNamedGroups(namedGroups.toArray(String[]::new));
        p.setUseCipherSuitesOrder(preferServerCipherSuites);
        switch (clientAuth) {
            case NO_CLIENT_CERT -> p.setNeedClientAuth(false);
            case VERIFY_CLIENT_CERT_IF_GIVEN -> p.setWantClientAuth(true);
            case REQUIRE_AND_VERIFY_CLIENT_CERT -> p.setNeedClientAuth(true);
        }
        return p;
    }

    /** TLS 1.3's suites are named without a key exchange: TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256. */
    static boolean isTls13Suite(String suite) {
        return !suite.contains("_WITH_") && !suite.startsWith("TLS_EMPTY_");
    }

    /** Whether {@code key} is the private half of {@code certificate}'s public key: sign with one, verify with the other. */
    static boolean belongTogether(PrivateKey key, PublicKey certificateKey) {
        String algorithm = switch (certificateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> "";
        };
        if (algorithm.isEmpty()) return true; // the handshake will tell
        try {
            byte[] probe = "uxprobe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
