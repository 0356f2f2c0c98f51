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
    /** Writing the request headers and body, until the last byte is handed to the socket. */
    REQUEST,
    /** From the request's last byte sent to the answer's first byte received: the server's time. */
    TTFB,
    /** From the answer's first byte to the last byte of the body read. */
    TRANSFER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
