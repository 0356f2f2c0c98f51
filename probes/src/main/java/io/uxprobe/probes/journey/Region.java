package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Variables;
import java.util.Optional;

/**
 * A place the agent probes from, under the journey file's {@code regions:}: every journey runs once per region,
 * through the region's proxy, and its metrics carry {@code region=name}.
 *
 * @param name the {@code region} label value
 * @param proxy where requests leave; empty means straight out of the agent
 * @param dns resolves host names instead of the system resolver
 * @param vars the region's own values for some of the file's vars (a regional endpoint, say)
 */
public record Region(String name, Position position, Optional<ProxyServer> proxy, Optional<DnsServer> dns, Variables vars) {

    /** A region with no proxy, no DNS server and no vars of its own: probing straight from here. */
    public static Region here(String name, Position position) {
        return new Region(name, position, Optional.empty(), Optional.empty(), Variables.empty());
    }

    public Egress egress() {
        return new Egress(proxy, dns);
    }

    /** The file's vars as this region sees them: its own values win. */
    public Variables varsOver(Variables fileVars) {
        if (vars.asMap().isEmpty()) return fileVars;
        Variables.Builder out = Variables.builder().putAll(fileVars);
        for (var e : vars.asMap().entrySet()) out.put(e.getKey(), e.getValue(), vars.secretValues().contains(e.getValue()));
        return out.build();
    }
}
