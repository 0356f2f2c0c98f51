package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/** Applies a journey's {@code tls:} to a client: the platform's CAs plus a CA file, or, if asked, no verification. */
final class TrustSettings {

    private TrustSettings() {}

    static void apply(OkHttpClient.Builder builder, Tls tls) {
        try {
            if (tls.insecure()) {
                X509TrustManager trustAll = new TrustAll();
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new X509TrustManager[] {trustAll}, null);
                SSLSocketFactory factory = context.getSocketFactory();
                HostnameVerifier anyHost = (host, session) -> true;
                builder.sslSocketFactory(factory, trustAll).hostnameVerifier(anyHost);
            } else if (tls.caFile().isPresent()) {
                HandshakeCertificates.Builder certs = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
                try (InputStream in = Files.newInputStream(tls.caFile().get())) {
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        certs.addTrustedCertificate((X509Certificate) c);
                    }
                }
                HandshakeCertificates built = certs.build();
                builder.sslSocketFactory(built.sslSocketFactory(), built.trustManager());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS from " + tls.caFile().map(Object::toString).orElse("settings") + ": " + e.getMessage(), e);
        }
    }

    /** For {@code insecure: true}: the user chose to accept any certificate. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
