package io.uxprobe.probes.spec;

import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The file's {@code vars:}, rendered in file order on top of the {@code --var} overrides. */
final class VarsBinder {

    /** The syntax of {@code ${name}}, as {@link io.uxprobe.probes.template.TemplateParser} reads it. */
    static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    static final String VARIABLE_RULE = "use letters, digits, '_', '.' or '-', starting with a letter or '_'";

    private VarsBinder() {}

    static Variables bind(Optional<YamlNode> node, Map<String, String> overrides, TemplateReader templates) throws SpecException {
        Variables.Builder vars = Variables.builder();
        for (Map.Entry<String, String> o : overrides.entrySet()) vars.put(o.getKey(), o.getValue(), false);
        if (node.isEmpty()) return vars.build();
        List<YamlNode.Mapping.Entry> entries = Values.mapping(node.get(), "'vars'").entries();
        // where each name is defined, so "defined further down" is one lookup, not a scan of the rest
        Map<String, Integer> definedAt = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) definedAt.putIfAbsent(entries.get(i).key(), i);
        Set<String> secretNames = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            YamlNode.Mapping.Entry e = entries.get(i);
            String name = e.key();
            if (!VARIABLE.matcher(name).matches()) {
                throw new SpecException(e.keyPosition(), "'" + name + "' is not a valid variable name: " + VARIABLE_RULE);
            }
            if (overrides.containsKey(name)) continue; // --var wins, and its dependents see its value
            int here = i;
            Scope scope = variable -> vars.has(variable) ? Optional.empty() : Optional.of(definedAt.getOrDefault(variable, -1) > here
                    ? "variable ${" + variable + "} is defined further down: vars are rendered in file order, so move '" + variable + "' above '" + name + "'"
                    : "undefined variable ${" + variable + "}: define it under vars: above '" + name + "', or pass --var " + variable + "=...");
            Template t = templates.template(e.value(), "var '" + name + "'", scope);
            boolean secret = !t.secrets().isEmpty() || t.variables().stream().anyMatch(secretNames::contains);
            // a var is often a base URL with a password in it: a value in its user info is %-encoded
            String value = t.renderUrl(vars::get);
            if (secret) {
                secretNames.add(name);
                templates.addSecret(value);
            }
            vars.put(name, value, secret);
        }
        return vars.build();
    }
}
