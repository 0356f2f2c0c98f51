package io.uxprobe.probes.spec;

import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One journey: its settings over the file's defaults, and its steps in order. */
final class JourneyBinder {

    /** Journey and step names become metric label values. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    static final String NAME_RULE = "use letters, digits, '_', '.', ':' or '-' (it becomes a metric label)";

    private static final List<String> KEYS = Stream.concat(Stream.of("name", "steps"), SettingsBinder.KEYS.stream()).toList();

    private final SettingsBinder settings;
    private final StepBinder steps;
    private final Predicate<String> fileVariable;
    private final Optional<Fields> defaults;
    private final Map<String, Position> journeyNames = new HashMap<>();

    /**
     * @param fileVariable whether a name is a file var or a {@code --var}
     * @param defaults the file's {@code defaults:}, to point at when a journey inherits a bad combination
     */
    JourneyBinder(SettingsBinder settings, StepBinder steps, Predicate<String> fileVariable, Optional<Fields> defaults) {
        this.settings = settings;
        this.steps = steps;
        this.fileVariable = fileVariable;
        this.defaults = defaults;
    }

    Journey bind(YamlNode node, int index, Settings inherited) throws SpecException {
        String label = label(node, "journey #" + (index + 1));
        Fields fields = Fields.of(node, label, "in " + label, KEYS);
        YamlNode nameNode = fields.require("name");
        String name = Values.name(nameNode, "'name'", "journey name", NAME, NAME_RULE);
        unique("journey", name, nameNode.position(), journeyNames);
        Settings own = settings.apply(inherited, fields);
        checkTimeout(own, fields, nameNode.position());

        YamlNode stepsNode = fields.require("steps");
        List<YamlNode> items = Values.sequence(stepsNode, "'steps'").items();
        if (items.isEmpty()) {
            throw new SpecException(stepsNode.position(), "'steps' is empty: journey '" + name + "' needs at least one step");
        }
        List<Set<String>> extracted = items.stream().map(JourneyBinder::extractedNames).toList();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) labels.add(label(items.get(i), "step #" + (i + 1) + " of journey '" + name + "'"));

        List<Step> bound = new ArrayList<>();
        Map<String, Position> stepNames = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            bound.add(steps.bind(items.get(i), labels.get(i), own, scope(i, extracted, labels), stepNames));
        }
        return new Journey(name, nameNode.position(), own, bound);
    }

    /** Fails when {@code name} was seen before; remembers it otherwise. */
    static void unique(String kind, String name, Position at, Map<String, Position> seen) throws SpecException {
        Position first = seen.putIfAbsent(name, at);
        if (first != null) throw new SpecException(at, "duplicate " + kind + " name '" + name + "' (first at " + first + ")");
    }

    /** A step may use file vars and what earlier steps extracted; its own extractions come after it ran. */
    private Scope scope(int step, List<Set<String>> extracted, List<String> labels) {
        Set<String> earlier = new LinkedHashSet<>();
        for (int i = 0; i < step; i++) earlier.addAll(extracted.get(i));
        return variable -> {
            if (fileVariable.test(variable) || earlier.contains(variable)) return Optional.empty();
            if (extracted.get(step).contains(variable)) {
                return Optional.of("variable ${" + variable + "} is extracted by this step, so it has no value until the step has run: "
                        + "use it in a later step, or extract it in an earlier one");
            }
            for (int i = step + 1; i < extracted.size(); i++) {
                if (extracted.get(i).contains(variable)) {
                    return Optional.of("variable ${" + variable + "} is extracted by " + labels.get(i)
                            + ", which runs after this step: extract it in an earlier step, or move this step after that one");
                }
            }
            return Optional.of("undefined variable ${" + variable + "}: define it under vars:, pass --var " + variable
                    + "=..., or extract it in an earlier step");
        };
    }

    private void checkTimeout(Settings s, Fields journey, Position fallback) throws SpecException {
        if (s.timeout().compareTo(s.interval()) <= 0) return;
        Position at = Stream.of(journey.get("timeout"), journey.get("interval"), defaultsValue("timeout"), defaultsValue("interval"))
                .flatMap(Optional::stream).map(YamlNode::position).findFirst().orElse(fallback);
        throw new SpecException(at, "timeout " + Durations.format(s.timeout()) + " is longer than interval "
                + Durations.format(s.interval()) + ": a run must end before the next one starts");
    }

    private Optional<YamlNode> defaultsValue(String key) {
        return defaults.flatMap(d -> d.get(key));
    }

    /** The variable names a step's {@code extract:} defines, read ahead so earlier steps can be told where a name comes from. */
    private static Set<String> extractedNames(YamlNode step) {
        if (step instanceof YamlNode.Mapping m && m.entry("extract").map(YamlNode.Mapping.Entry::value).orElse(null) instanceof YamlNode.Mapping extract) {
            Set<String> names = new LinkedHashSet<>();
            extract.entries().forEach(e -> names.add(e.key()));
            return names;
        }
        return Set.of();
    }

    /** {@code step 'login'} when the item has a usable name, else {@code fallback}. */
    private static String label(YamlNode item, String fallback) {
        String kind = fallback.substring(0, fallback.indexOf(' '));
        if (item instanceof YamlNode.Mapping m
                && m.entry("name").map(YamlNode.Mapping.Entry::value).orElse(null) instanceof YamlNode.Scalar s
                && NAME.matcher(s.text()).matches()) {
            return kind + " '" + s.text() + "'";
        }
        return fallback;
    }
}
