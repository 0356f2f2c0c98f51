package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.Position;
import java.util.Optional;

/**
 * A place the agent probes from, under the journey file's {@code regions:}: every journey runs once per region,
 * through the region's proxy, and its metrics carry {@code region=name}.
 *
 * @param name the {@code region} label value
 * @param proxy where requests leave; empty means straight out of the agent
 * @param dns resolves host names instead of the system resolver
 */
public record Region(String name, Position position, Optional<ProxyServer> proxy, Optional<DnsServer> dns) {

    public Egress egress() {
        return new Egress(proxy, dns);
    }
}
