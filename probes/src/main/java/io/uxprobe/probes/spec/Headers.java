package io.uxprobe.probes.spec;

import io.uxprobe.probes.template.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code headers:} mappings: names are HTTP tokens, compared without case. */
final class Headers {

    /** RFC 9110 token: header names and methods. */
    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private Headers() {}

    static Map<String, Template> read(YamlNode node, String what, Scope scope, TemplateReader templates) throws SpecException {
        Map<String, Template> headers = new LinkedHashMap<>();
        Map<String, Position> seen = new LinkedHashMap<>();
        for (YamlNode.Mapping.Entry e : Values.mapping(node, what).entries()) {
            String name = checkedName(e, seen);
            headers.put(name, templates.template(e.value(), "header '" + name + "'", scope));
        }
        return headers;
    }

    /** The entry's key, checked to be a header name that the mapping does not already hold in another case. */
    static String checkedName(YamlNode.Mapping.Entry e, Map<String, Position> seen) throws SpecException {
        String name = e.key();
        if (!TOKEN.matcher(name).matches()) {
            throw new SpecException(e.keyPosition(), "'" + name + "' is not a valid header name: use letters, digits and '-'");
        }
        Position first = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), e.keyPosition());
        if (first != null) {
            throw new SpecException(e.keyPosition(), "duplicate header '" + name + "' (first at " + first + "; header names ignore case)");
        }
        return name;
    }

    /** {@code over} on top of {@code base}; a name in {@code over} replaces the same name in any case. */
    static Map<String, Template> merge(Map<String, Template> base, Map<String, Template> over) {
        Map<String, Template> merged = new LinkedHashMap<>(base);
        over.forEach((name, value) -> {
            merged.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            merged.put(name, value);
        });
        return merged;
    }
}
