package io.uxprobe.probes.spec;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one YAML value as what a key expects, failing with a message that says what was expected. */
final class Values {

    private Values() {}

    static YamlNode.Mapping mapping(YamlNode node, String what) throws SpecException {
        if (node instanceof YamlNode.Mapping m) return m;
        throw expected("a mapping", what, node);
    }

    static YamlNode.Sequence sequence(YamlNode node, String what) throws SpecException {
        if (node instanceof YamlNode.Sequence s) return s;
        throw expected("a list", what, node);
    }

    static YamlNode.Scalar scalar(YamlNode node, String kind, String what) throws SpecException {
        if (node instanceof YamlNode.Scalar s) return s;
        throw expected(kind, what, node);
    }

    /** Text; YAML numbers and booleans count as the text they were written as. */
    static String string(YamlNode node, String what) throws SpecException {
        return scalar(node, "a string", what).text();
    }

    /** One scalar, or a non-empty list of scalars. */
    static List<YamlNode.Scalar> oneOrMany(YamlNode node, String kind, String what) throws SpecException {
        if (!(node instanceof YamlNode.Sequence seq)) return List.of(scalar(node, kind, what));
        if (seq.items().isEmpty()) throw new SpecException(seq.position(), what + " is an empty list: give at least one value");
        List<YamlNode.Scalar> items = new ArrayList<>();
        for (YamlNode item : seq.items()) items.add(scalar(item, kind, what));
        return items;
    }

    static boolean bool(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = scalar(node, "true or false", what);
        return switch (s.text().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw expected("true or false", what, node);
        };
    }

    static Duration duration(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a duration", what);
        Duration d = Durations.parse(s.text()).orElseThrow(() -> new SpecException(s.position(),
                "'" + s.text() + "' is not a duration: write it like 250ms, 5s or 1m"));
        if (d.isZero()) throw new SpecException(s.position(), what + " must be longer than 0s");
        return d;
    }

    static DataSize size(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a size", what);
        DataSize size = DataSize.parse(s.text()).orElseThrow(() -> new SpecException(s.position(),
                "'" + s.text() + "' is not a size: write it like 512B, 64KiB or 10MiB"));
        if (size.bytes() == 0) throw new SpecException(s.position(), what + " must be more than 0B");
        return size;
    }

    static int integer(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a number", what);
        try {
            return Integer.parseInt(s.text().strip());
        } catch (NumberFormatException e) {
            throw expected("a whole number", what, node);
        }
    }

    static BigDecimal number(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a number", what);
        try {
            return new BigDecimal(s.text().strip());
        } catch (NumberFormatException e) {
            throw expected("a number", what, node);
        }
    }

    static Pattern regex(YamlNode node, String what, int flags) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a regex", what);
        try {
            return Pattern.compile(s.text(), flags);
        } catch (PatternSyntaxException e) {
            throw new SpecException(s.position(), "'" + s.text() + "' is not a valid regex for " + what + ": "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    static JsonPath jsonPath(String path, Position at) throws SpecException {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new SpecException(at, "'" + path + "' is not a valid JSONPath: " + String.valueOf(e.getMessage()).strip()
                    + " (write it like $.token or $.items[0].id)");
        }
    }

    /** A name that must match {@code syntax}; {@code rule} says in words what is allowed. */
    static String name(YamlNode node, String what, String label, Pattern syntax, String rule) throws SpecException {
        YamlNode.Scalar s = scalar(node, "a string", what);
        if (!syntax.matcher(s.text()).matches()) {
            throw new SpecException(s.position(), "'" + s.text() + "' is not a valid " + label + ": " + rule);
        }
        return s.text();
    }

    static SpecException expected(String kind, String what, YamlNode got) {
        return new SpecException(got.position(), "expected " + kind + " for " + what + ", got " + got.describe());
    }
}
