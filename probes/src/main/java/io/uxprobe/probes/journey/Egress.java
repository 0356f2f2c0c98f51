package io.uxprobe.probes.journey;

import java.util.Optional;

/**
 * How a run's requests leave the agent: straight out ({@link #DIRECT}), or as a region's users would, through its
 * proxy and with its DNS server.
 */
public record Egress(Optional<ProxyServer> proxy, Optional<DnsServer> dns) {

    public static final Egress DIRECT = new Egress(Optional.empty(), Optional.empty());

    // written out: every run's connections are looked up by it (see HttpClients), and a record's own are slower
    @Override
    public boolean equals(Object o) {
        return o instanceof Egress e && proxy.equals(e.proxy) && dns.equals(e.dns);
    }

    @Override
    public int hashCode() {
        return 31 * proxy.hashCode() + dns.hashCode();
    }
}
