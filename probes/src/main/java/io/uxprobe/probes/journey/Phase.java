package io.uxprobe.probes.journey;

import java.util.Locale;

/** The phases of one HTTP exchange, in the order they happen. */
public enum Phase {
    /** Resolving the host name. */
    DNS,
    /** The TCP handshake. */
    CONNECT,
    /** The TLS handshake. */
    TLS,
    /** Writing the request headers and body. */
    REQUEST,
    /** From the request written to the response headers read: the server's time. */
    TTFB,
    /** From the response headers to the last byte of the body read. */
    TRANSFER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
