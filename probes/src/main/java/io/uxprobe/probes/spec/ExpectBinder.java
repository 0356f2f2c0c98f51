package io.uxprobe.probes.spec;

import io.uxprobe.probes.check.Comparison;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.JsonMatcher;
import io.uxprobe.probes.check.StatusRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A step's {@code expect:}, one {@link Expectation} per line, in file order. */
final class ExpectBinder {

    private static final List<String> KEYS = List.of(
            "status", "maxDuration", "bodyContains", "bodyNotContains", "bodyMatches", "jsonPath", "headers");
    private static final List<String> MATCHERS = List.of("exists", "equals", "matches", "gt", "gte", "lt", "lte", "length");
    private static final List<String> COMPARISONS = List.of("eq", "gt", "gte", "lt", "lte");
    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5][xX][xX]");

    private final TemplateReader templates;

    ExpectBinder(TemplateReader templates) {
        this.templates = templates;
    }

    List<Expectation> bind(YamlNode node, String step, Scope scope) throws SpecException {
        Fields fields = Fields.of(node, "'expect'", "in expect of " + step, KEYS);
        List<Expectation> expectations = new ArrayList<>();
        for (YamlNode.Mapping.Entry e : fields.mapping().entries()) {
            YamlNode value = e.value();
            if (value instanceof YamlNode.Null) continue;
            String what = "'" + e.key() + "'";
            switch (e.key()) {
                case "status" -> expectations.add(status(value));
                case "maxDuration" -> expectations.add(new Expectation.MaxDuration(Values.duration(value, what)));
                case "bodyContains" -> {
                    for (YamlNode.Scalar s : Values.oneOrMany(value, "a string", what)) {
                        expectations.add(new Expectation.BodyContains(templates.template(s, what, scope)));
                    }
                }
                case "bodyNotContains" -> {
                    for (YamlNode.Scalar s : Values.oneOrMany(value, "a string", what)) {
                        expectations.add(new Expectation.BodyNotContains(templates.template(s, what, scope)));
                    }
                }
                case "bodyMatches" -> {
                    for (YamlNode.Scalar s : Values.oneOrMany(value, "a regex", what)) {
                        expectations.add(new Expectation.BodyMatches(Values.regex(s, what, 0)));
                    }
                }
                case "jsonPath" -> {
                    for (YamlNode.Mapping.Entry path : Values.mapping(value, what).entries()) {
                        expectations.add(jsonPath(path, step, scope));
                    }
                }
                case "headers" -> {
                    Map<String, Position> seen = new HashMap<>();
                    for (YamlNode.Mapping.Entry header : Values.mapping(value, what).entries()) {
                        String name = Headers.checkedName(header, seen);
                        expectations.add(new Expectation.Header(name, Values.string(header.value(), "header '" + name + "'")));
                    }
                }
                default -> throw new IllegalStateException(e.key());
            }
        }
        return expectations;
    }

    private static Expectation status(YamlNode node) throws SpecException {
        List<StatusRange> allowed = new ArrayList<>();
        for (YamlNode.Scalar s : Values.oneOrMany(node, "a number", "'status'")) {
            String text = s.text().strip();
            if (STATUS_CLASS.matcher(text).matches()) {
                allowed.add(StatusRange.ofClass(text.charAt(0) - '0'));
                continue;
            }
            int code;
            try {
                code = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new SpecException(s.position(), "'" + s.text() + "' is not a status: write a code such as 200, a class such as 2xx, or a list such as [200, 206]");
            }
            if (code < 100 || code > 599) {
                throw new SpecException(s.position(), code + " is not an HTTP status: use a code from 100 to 599");
            }
            allowed.add(StatusRange.exactly(code));
        }
        return new Expectation.Status(allowed);
    }

    private Expectation jsonPath(YamlNode.Mapping.Entry entry, String step, Scope scope) throws SpecException {
        String path = entry.key();
        var compiled = Values.jsonPath(path, entry.keyPosition());
        String label = "jsonPath '" + path + "'";
        Fields fields = Fields.of(entry.value(), label, "in " + label + " of " + step, MATCHERS);
        List<JsonMatcher> matchers = new ArrayList<>();
        for (YamlNode.Mapping.Entry e : fields.mapping().entries()) {
            YamlNode value = e.value();
            String what = "'" + e.key() + "'";
            if (value instanceof YamlNode.Null && !e.key().equals("equals")) continue; // equals: ~ asks for JSON null
            matchers.add(switch (e.key()) {
                case "exists" -> new JsonMatcher.Exists(Values.bool(value, what));
                case "equals" -> new JsonMatcher.EqualTo(templates.json(value, what, scope));
                case "matches" -> new JsonMatcher.Matches(Values.regex(value, what, 0));
                case "length" -> new JsonMatcher.Length(length(value, label, step));
                default -> new JsonMatcher.Compare(new Comparison(operator(e.key()), Values.number(value, what)));
            });
        }
        if (matchers.isEmpty()) {
            throw new SpecException(entry.keyPosition(), label + " needs at least one of: " + String.join(", ", MATCHERS));
        }
        return new Expectation.JsonPath(path, compiled, matchers);
    }

    private static Comparison length(YamlNode node, String label, String step) throws SpecException {
        if (!(node instanceof YamlNode.Mapping)) return new Comparison(Comparison.Operator.EQ, Values.number(node, "'length'"));
        Fields fields = Fields.of(node, "'length'", "in length of " + label + " of " + step, COMPARISONS);
        List<YamlNode.Mapping.Entry> given = fields.present(COMPARISONS);
        if (given.size() != 1) {
            throw new SpecException(node.position(), "'length' takes one comparison, such as { gt: 0 } or { lte: 10 }");
        }
        YamlNode.Mapping.Entry e = given.getFirst();
        return new Comparison(operator(e.key()), Values.number(e.value(), "'" + e.key() + "'"));
    }

    private static Comparison.Operator operator(String key) {
        return Comparison.Operator.valueOf(key.toUpperCase(Locale.ROOT));
    }
}
