package io.uxprobe.probes.spec;

import io.uxprobe.probes.errors.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The file's {@code errorSignatures:}, added to the built-in catalog. */
final class SignatureBinder {

    private static final List<String> KEYS = List.of("id", "text", "regex", "anywhere");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String ID_RULE = "use lowercase letters, digits and '_', starting with a letter (it becomes a metric label)";

    private SignatureBinder() {}

    static List<Signature> bind(Optional<YamlNode> node) throws SpecException {
        if (node.isEmpty()) return List.of();
        List<Signature> signatures = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        List<YamlNode> items = Values.sequence(node.get(), "'errorSignatures'").items();
        for (int i = 0; i < items.size(); i++) {
            String label = label(items.get(i), i);
            Fields fields = Fields.of(items.get(i), label, "in " + label, KEYS);
            YamlNode idNode = fields.require("id");
            String id = Values.name(idNode, "'id'", "signature id", ID, ID_RULE);
            Position first = seen.putIfAbsent(id, idNode.position());
            if (first != null) throw new SpecException(idNode.position(), "duplicate signature id '" + id + "' (first at " + first + ")");
            signatures.add(signature(id, fields, label));
        }
        return signatures;
    }

    private static Signature signature(String id, Fields fields, String label) throws SpecException {
        List<YamlNode.Mapping.Entry> given = fields.present(List.of("text", "regex"));
        if (given.isEmpty()) throw new SpecException(fields.mapping().position(), label + " needs one of: text, regex");
        if (given.size() > 1) throw new SpecException(given.get(1).keyPosition(), label + " takes only one of text and regex");
        YamlNode value = given.getFirst().value();
        // anywhere: true counts the phrase wherever it is visible, not only where the page presents it as a message
        boolean anywhere = fields.has("anywhere") && Values.bool(fields.get("anywhere").orElseThrow(), "'anywhere'");
        if (given.getFirst().key().equals("regex")) {
            // Unicode word boundaries, so \bFehler\b and \bwystąpił\b mean what they say
            return new Signature.Regex(id, Values.regex(value, "'regex'",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS), anywhere);
        }
        String text = Values.string(value, "'text'");
        if (text.isBlank()) throw new SpecException(value.position(), "'text' of " + label + " is empty: give the message to look for");
        return new Signature.Text(id, text, anywhere);
    }
    private static String label(YamlNode item, int index) {
        if (item instanceof YamlNode.Mapping m
                && m.entry("id").map(YamlNode.Mapping.Entry::value).orElse(null) instanceof YamlNode.Scalar s
                && ID.matcher(s.text()).matches()) {
            return "error signature '" + s.text() + "'";
        }
        return "error signature #" + (index + 1);
    }
}
