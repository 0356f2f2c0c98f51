package io.uxprobe.probes.http;

import io.uxprobe.probes.files.CaCertificates;
import io.uxprobe.probes.journey.Tls;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/** Applies a journey's {@code tls:} to a client: the platform's CAs plus a CA file, or, if asked, no verification. */
final class TrustSettings {

    private TrustSettings() {}

    static void apply(OkHttpClient.Builder builder, Tls tls) {
        if (tls.insecure()) {
            HostnameVerifier anyHost = (host, session) -> true;
            builder.sslSocketFactory(context(tls).getSocketFactory(), TRUST_ALL).hostnameVerifier(anyHost);
        } else if (tls.caFile().isPresent()) {
            HandshakeCertificates built = withCaFile(tls);
            builder.sslSocketFactory(built.sslSocketFactory(), built.trustManager());
        }
    }

    /** TLS as {@code tls} says, for a connection OkHttp does not set up itself (to an HTTPS proxy). */
    static SSLContext context(Tls tls) {
        try {
            if (tls.insecure()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new X509TrustManager[] {TRUST_ALL}, null);
                return context;
            }
            return tls.caFile().isPresent() ? withCaFile(tls).sslContext() : SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static HandshakeCertificates withCaFile(Tls tls) {
        try {
            HandshakeCertificates.Builder certs = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            for (X509Certificate c : CaCertificates.read(tls.caFile().orElseThrow())) certs.addTrustedCertificate(c);
            return certs.build();
        } catch (CaCertificates.Unusable e) {
            // checked when the journey file was loaded: the file changed since
            throw new IllegalStateException("cannot set up TLS from " + tls.caFile().map(Object::toString).orElse("settings") + ": " + e.getMessage(), e);
        }
    }

    private static final X509TrustManager TRUST_ALL = new TrustAll();

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
