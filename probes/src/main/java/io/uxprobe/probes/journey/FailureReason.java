package io.uxprobe.probes.journey;

import java.util.Locale;

/** Why a step failed. A closed set: it is a metric label, so it never grows with input. */
public enum FailureReason {
    /** The host name did not resolve. */
    DNS,
    /** No TCP connection: refused, unreachable. */
    CONNECT,
    /** The TLS handshake failed: untrusted, expired or wrong-host certificate, protocol mismatch. */
    TLS,
    /** The step or journey deadline passed. */
    TIMEOUT,
    /** The status code was not the expected one. */
    HTTP_STATUS,
    /** The response showed the user an error message. */
    ERROR_MESSAGE,
    /** An expectation on the response did not hold. */
    ASSERTION,
    /** A value to extract was not in the response. */
    EXTRACTION,
    /** The body was larger than the step allows. */
    BODY_TOO_LARGE,
    /** A stream stopped sending bytes. */
    STREAM_STALL,
    /** The server broke HTTP: reset, empty reply, malformed response. */
    PROTOCOL,
    /** The step could not be built from its journey file (e.g. a bad URL after templating). */
    CONFIG,
    /** The browser crashed, hung or could not be driven (a browser step only). */
    BROWSER;

    /** The label value, e.g. {@code http_status}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
