package io.uxprobe.probes.spec;

import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.files.SmallFile;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a journey file and checks all of it before anything runs: unknown keys, types, durations, sizes, regexes,
 * JSONPaths, variables and secrets. The first problem is thrown as a {@link SpecException} that says where
 * ({@code file:line:column}) and what was expected.
 */
public final class JourneyFileLoader {

    private static final List<String> KEYS = List.of("vars", "defaults", "errorSignatures", "journeys", "agent", "regions", "notify");

    /** Loads {@code file} with the process environment and no {@code --var} overrides. */
    public JourneyFile load(Path file) throws SpecException {
        return load(file, Map.of(), Environment.system());
    }

    /**
     * @param varOverrides {@code --var name=value}: replace file vars of the same name before the vars that use them
     *     are rendered, and may add names
     * @param env where {@code ${env:…}}, {@code ${secret:…}} and {@code ${file:…}} are read from
     */
    public JourneyFile load(Path file, Map<String, String> varOverrides, Environment env) throws SpecException {
        Fields top = Fields.of(YamlReader.read(file, read(file)), "the file", "at the top level", KEYS);
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        TemplateReader templates = new TemplateReader(env, baseDir);

        Variables vars = VarsBinder.bind(top.get("vars"), varOverrides, templates);
        Optional<String> agentRegion = RegionsBinder.agentRegion(top.get("agent"));
        List<Region> regions = new RegionsBinder(templates, vars).bind(top.get("regions"));
        List<Signature> signatures = SignatureBinder.bind(top.get("errorSignatures"));
        NotifySpec notify = new NotifyBinder(templates, vars).bind(top.get("notify"));
        SettingsBinder settings = new SettingsBinder(templates, baseDir, variable -> vars.has(variable) ? Optional.empty()
                : Optional.of("undefined variable ${" + variable + "}: define it under vars: or pass --var " + variable
                        + "=... (headers here go with every step, so they cannot use extracted values)"));
        Optional<Fields> defaults = top.get("defaults").isEmpty() ? Optional.empty()
                : Optional.of(Fields.of(top.get("defaults").get(), "'defaults'", "in defaults", SettingsBinder.KEYS));
        Settings inherited = defaults.isEmpty() ? Settings.BUILT_IN : settings.apply(Settings.BUILT_IN, defaults.get());

        JourneyBinder binder = new JourneyBinder(settings, new StepBinder(templates), vars::has, defaults);
        List<Journey> journeys = journeys(top, binder, inherited);

        Set<String> secrets = new LinkedHashSet<>(templates.secrets());
        secrets.addAll(vars.secretValues());
        Set<String> variableNames = new TreeSet<>(templates.variablesReferred());
        if (top.get("vars").isPresent()) Values.mapping(top.get("vars").get(), "'vars'").entries().forEach(e -> variableNames.add(e.key()));
        return new JourneyFile(file, vars, signatures, journeys, secrets, agentRegion, regions, notify, variableNames);
    }

    private static List<Journey> journeys(Fields top, JourneyBinder binder, Settings inherited) throws SpecException {
        if (!top.has("journeys")) {
            throw new SpecException(top.mapping().position(), "missing 'journeys': a journey file needs a journeys: list with at least one journey");
        }
        YamlNode node = top.get("journeys").orElseThrow();
        List<YamlNode> items = Values.sequence(node, "'journeys'").items();
        if (items.isEmpty()) throw new SpecException(node.position(), "'journeys' is empty: add at least one journey with a name and steps");
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) journeys.add(binder.bind(items.get(i), i, inherited));
        return journeys;
    }

    private static String read(Path file) throws SpecException {
        try {
            return SmallFile.readUtf8(file, SmallFile.MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new SpecException(Position.unknown(file), "no such file");
        } catch (SmallFile.Refused e) {
            throw new SpecException(Position.unknown(file), e.getMessage());
        } catch (IOException e) {
            if (SmallFile.notUtf8(e)) throw new SpecException(Position.unknown(file), "the file is not UTF-8 text");
            throw new SpecException(Position.unknown(file), "cannot read the file: " + e.getMessage());
        }
    }
}
