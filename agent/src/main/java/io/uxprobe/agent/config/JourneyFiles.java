package io.uxprobe.agent.config;

import io.uxprobe.probes.errors.Catalog;
import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.journey.WarmUp;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Loads the journey files a command names, all or nothing; journey names must be unique across them. */
public final class JourneyFiles {

    private JourneyFiles() {}

    /** uxprobe's own region: the flag, else {@code UXPROBE_REGION}, else the first file's {@code agent.region}, else {@code default}. */
    public static String region(Optional<String> flag, Environment env, List<JourneyFile> files) {
        return flag.or(() -> env.variable("UXPROBE_REGION")).filter(r -> !r.isBlank())
                .or(() -> files.stream().flatMap(f -> f.agentRegion().stream()).findFirst())
                .orElse("default");
    }

    /** Where a file's journeys run from: each of its {@code regions:} through its egress, or just here, directly. */
    public static List<Region> regions(JourneyFile file, String ownRegion) {
        return file.regions().isEmpty()
                ? List.of(Region.here(ownRegion, Position.unknown(file.source())))
                : file.regions();
    }

    /** What the files' journeys need warmed before the first of them runs. */
    public static WarmUp.Needs warmUpNeeds(List<JourneyFile> files) {
        WarmUp.Needs needs = WarmUp.Needs.NOTHING_MORE;
        for (JourneyFile f : files) needs = needs.and(WarmUp.Needs.of(f.journeys(), f.vars()));
        return needs;
    }

    /** Every error-signature id a file's journeys can report: the built-in catalog's and the file's own. */
    public static Set<String> signatureIds(JourneyFile file) {
        Set<String> ids = new LinkedHashSet<>(Catalog.ids());
        file.errorSignatures().stream().map(Signature::id).forEach(ids::add);
        return ids;
    }

    /**
     * The journey files the paths name: a file as is, a folder as its {@code *.yaml} and {@code *.yml} files in name
     * order (hidden ones, such as a ConfigMap's {@code ..data}, left out), read anew at every load and reload.
     */
    public static List<Path> expand(List<Path> paths) throws SpecException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> inside = Files.list(p)) {
                List<Path> yaml = inside.filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (yaml.isEmpty()) throw new SpecException(Position.unknown(p), "no journey files (*.yaml, *.yml) in this folder");
                files.addAll(yaml);
            } catch (IOException e) {
                throw new SpecException(Position.unknown(p), "cannot list the folder: " + e.getMessage());
            }
        }
        return files;
    }

    public static List<JourneyFile> load(List<Path> paths, Map<String, String> vars, Environment env) throws SpecException {
        JourneyFileLoader loader = new JourneyFileLoader();
        List<JourneyFile> files = new ArrayList<>();
        Map<String, Journey> seen = new HashMap<>();
        for (Path p : expand(paths)) {
            JourneyFile file = loader.load(p, vars, env);
            for (Journey j : file.journeys()) {
                Journey first = seen.putIfAbsent(j.name(), j);
                if (first != null) {
                    throw new SpecException(j.position(), "duplicate journey name '" + j.name() + "' (first at " + first.position() + ")");
                }
            }
            files.add(file);
        }
        return files;
    }
}
