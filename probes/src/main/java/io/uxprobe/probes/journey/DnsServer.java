package io.uxprobe.probes.journey;

/** A DNS server that resolves a region's host names instead of the system resolver. */
public record DnsServer(String host, int port) {

    public static final int DEFAULT_PORT = 53;

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
