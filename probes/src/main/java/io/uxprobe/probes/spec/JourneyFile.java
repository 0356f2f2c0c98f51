package io.uxprobe.probes.spec;

import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded, valid journey file.
 *
 * @param vars the file's {@code vars:} with {@code --var} overrides applied, rendered
 * @param errorSignatures the file's own signatures, added to the built-in catalog
 * @param secrets every secret value the file resolved; never printed
 * @param agentRegion {@code agent.region}: the region label when the command line and environment give none
 * @param regions {@code regions:}: every journey runs once per region, through its proxy; empty means from here only
 * @param notifications {@code notify:}: who is told when a journey's state changes
 * @param variableNames every variable the file defines under {@code vars:} or refers to as {@code ${name}}: the names
 *     a {@code --var} may set
 */
public record JourneyFile(Path source, Variables vars, List<Signature> errorSignatures, List<Journey> journeys, Set<String> secrets,
        Optional<String> agentRegion, List<Region> regions, NotifySpec notifications, Set<String> variableNames) {

    public JourneyFile {
        errorSignatures = List.copyOf(errorSignatures);
        journeys = List.copyOf(journeys);
        secrets = Set.copyOf(secrets);
        regions = List.copyOf(regions);
        variableNames = Set.copyOf(variableNames);
    }

    /** A file without {@code agent:}, {@code regions:} or {@code notify:}, whose variables are its {@code vars}. */
    public JourneyFile(Path source, Variables vars, List<Signature> errorSignatures, List<Journey> journeys, Set<String> secrets) {
        this(source, vars, errorSignatures, journeys, secrets, Optional.empty(), List.of(), NotifySpec.NONE, vars.asMap().keySet());
    }

    public Redactor redactor() {
        return Redactor.of(secrets);
    }
}
