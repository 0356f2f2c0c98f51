package io.uxprobe.probes.spec;

import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A loaded, valid journey file.
 *
 * @param vars the file's {@code vars:} with {@code --var} overrides applied, rendered
 * @param errorSignatures the file's own signatures, added to the built-in catalog
 * @param secrets every secret value the file resolved; never printed
 */
public record JourneyFile(Path source, Variables vars, List<Signature> errorSignatures, List<Journey> journeys, Set<String> secrets) {

    public JourneyFile {
        errorSignatures = List.copyOf(errorSignatures);
        journeys = List.copyOf(journeys);
        secrets = Set.copyOf(secrets);
    }

    public Redactor redactor() {
        return Redactor.of(secrets);
    }
}
