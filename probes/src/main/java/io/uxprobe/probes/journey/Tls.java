package io.uxprobe.probes.journey;

import java.nio.file.Path;
import java.util.Optional;

/** How a journey trusts servers: the system's CAs, plus {@code caFile}; {@code insecure} turns verification off. */
public record Tls(Optional<Path> caFile, boolean insecure) {

    public static final Tls DEFAULT = new Tls(Optional.empty(), false);
}
