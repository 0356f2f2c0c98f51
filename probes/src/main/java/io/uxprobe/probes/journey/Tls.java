package io.uxprobe.probes.journey;

import java.nio.file.Path;
import java.util.Optional;

/** How a journey trusts servers: the system's CAs, plus {@code caFile}; {@code insecure} turns verification off. */
public record Tls(Optional<Path> caFile, boolean insecure) {

    public static final Tls DEFAULT = new Tls(Optional.empty(), false);

    // written out: every run's connections are looked up by it (see HttpClients), and a record's own are slower
    @Override
    public boolean equals(Object o) {
        return o instanceof Tls t && insecure == t.insecure && caFile.equals(t.caFile);
    }

    @Override
    public int hashCode() {
        return 31 * caFile.hashCode() + Boolean.hashCode(insecure);
    }
}
