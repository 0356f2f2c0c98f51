package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.ProxyServer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns what went wrong on the wire into one failure reason and a sentence a person understands. */
final class TransportErrors {

    private TransportErrors() {}

    /**
     * @param stage where the call was when it broke
     * @param timedOut the step's deadline has passed
     * @param deadline the step's deadline, for the message
     */
    static Failure classify(IOException e, PhaseRecorder.Stage stage, boolean timedOut, Duration deadline) {
        return classify(e, stage, timedOut, deadline, Optional.empty());
    }

    /**
     * @param proxy the proxy every connection goes to: then the names resolved and the connections made are the
     *     proxy's, and failures say so (never with its credentials)
     */
    static Failure classify(IOException e, PhaseRecorder.Stage stage, boolean timedOut, Duration deadline, Optional<ProxyServer> proxy) {
        if (proxy.isPresent() && !timedOut && !isTimeout(e)) {
            if (e instanceof UnknownHostException) {
                return Failure.of(FailureReason.DNS, "host name of proxy " + proxy.get() + " did not resolve: " + e.getMessage());
            }
            Failure f = classify(e, stage, false, deadline);
            return switch (f.reason()) {
                case CONNECT -> Failure.of(FailureReason.CONNECT, "could not connect through proxy " + proxy.get() + ": " + shortMessage(e));
                case TLS -> Failure.of(FailureReason.TLS, f.detail() + " (through proxy " + proxy.get() + ")");
                default -> f;
            };
        }
        String where = stage.words();
        if (timedOut || isTimeout(e)) {
            return Failure.of(FailureReason.TIMEOUT, "timed out after " + io.uxprobe.probes.spec.Durations.format(deadline) + " " + where);
        }
        if (e instanceof UnknownHostException) {
            return Failure.of(FailureReason.DNS, "host name did not resolve: " + e.getMessage());
        }
        if (e instanceof SSLPeerUnverifiedException || e instanceof SSLHandshakeException
                || (e instanceof SSLException && stage == PhaseRecorder.Stage.TLS)) {
            return Failure.of(FailureReason.TLS, "TLS handshake failed: " + tlsProblem(e));
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof PortUnreachableException
                || stage == PhaseRecorder.Stage.CONNECT || stage == PhaseRecorder.Stage.DNS) {
            return Failure.of(FailureReason.CONNECT, "could not connect: " + shortMessage(e));
        }
        return Failure.of(FailureReason.PROTOCOL, protocolProblem(e) + " " + where);
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof java.nio.channels.ClosedByInterruptException)
                && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")
                || e instanceof java.net.SocketTimeoutException;
    }

    private static String tlsProblem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) return "the server's certificate has expired";
            if (t instanceof CertificateNotYetValidException) return "the server's certificate is not valid yet";
        }
        String m = String.valueOf(e.getMessage());
        if (e instanceof SSLPeerUnverifiedException && m.startsWith("Hostname")) {
            return "the certificate does not match the host name (" + m + ")";
        }
        if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
            return "the server's certificate is not trusted (unknown or self-signed issuer: trust its CA with tls.caFile, or check --ca-file)";
        }
        if (m.contains("validity check failed") || m.contains("expired")) return "the server's certificate has expired";
        return shortMessage(e);
    }

    private static String protocolProblem(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof SocketException && m.toLowerCase(java.util.Locale.ROOT).contains("reset")) return "connection reset by the server";
        if (m.startsWith("unexpected end of stream")) return "the server closed the connection (empty or cut-off reply)";
        if (e instanceof EOFException) return "the server closed the connection (cut-off reply)";
        if (e instanceof ProtocolException) return "malformed response (" + m + ")";
        if (m.contains("Broken pipe")) return "the server closed the connection";
        return shortMessage(e);
    }

    private static String shortMessage(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.length() > 160 ? m.substring(0, 159) + "…" : m;
    }
}
