package io.uxprobe.probes.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.TemplateException;
import io.uxprobe.probes.template.TemplateParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the strings of a journey file that may hold {@code ${…}}, checks that every variable they use has a value
 * where they are used, and remembers every secret they resolved.
 */
final class TemplateReader {

    private final TemplateParser parser;
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> referred = new LinkedHashSet<>();

    TemplateReader(Environment environment, Path baseDir) {
        this.parser = new TemplateParser(environment, baseDir);
    }

    Template template(YamlNode node, String what, Scope scope) throws SpecException {
        YamlNode.Scalar s = Values.scalar(node, "a string", what);
        Template t;
        try {
            t = parser.parse(s.text());
        } catch (TemplateException e) {
            throw new SpecException(s.at(e.offset()), e.getMessage());
        }
        for (String variable : t.variables()) {
            Optional<String> problem = scope.problem(variable);
            if (problem.isPresent()) throw new SpecException(s.at(offsetOf(s.text(), variable)), problem.get());
        }
        secrets.addAll(t.secrets());
        referred.addAll(t.variables());
        return t;
    }

    /** Any YAML value as JSON: strings become templates, numbers, booleans and null are used as they are. */
    JsonTemplate json(YamlNode node, String what, Scope scope) throws SpecException {
        return switch (node) {
            case YamlNode.Mapping m -> {
                Map<String, JsonTemplate> fields = new LinkedHashMap<>();
                for (YamlNode.Mapping.Entry e : m.entries()) fields.put(e.key(), json(e.value(), "'" + e.key() + "'", scope));
                yield new JsonTemplate.Obj(fields);
            }
            case YamlNode.Sequence seq -> {
                List<JsonTemplate> items = new ArrayList<>();
                for (YamlNode item : seq.items()) items.add(json(item, what, scope));
                yield new JsonTemplate.Arr(items);
            }
            case YamlNode.Null ignored -> new JsonTemplate.Scalar(JsonNodeFactory.instance.nullNode());
            case YamlNode.Scalar s -> switch (s.token()) {
                case VALUE_STRING -> new JsonTemplate.Str(template(s, what, scope));
                default -> new JsonTemplate.Scalar(jsonScalar(s));
            };
        };
    }

    /** Every variable a template read so far refers to as {@code ${name}}. */
    Set<String> variablesReferred() {
        return referred;
    }

    /** Every secret value resolved so far. */
    Set<String> secrets() {
        return secrets;
    }

    void addSecret(String value) {
        if (!value.isEmpty()) secrets.add(value);
    }

    private static JsonNode jsonScalar(YamlNode.Scalar s) throws SpecException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        try {
            return switch (s.token()) {
                case VALUE_TRUE -> json.booleanNode(true);
                case VALUE_FALSE -> json.booleanNode(false);
                case VALUE_NUMBER_INT -> json.numberNode(new BigInteger(s.text().replace("_", "")));
                default -> json.numberNode(new BigDecimal(s.text()));
            };
        } catch (NumberFormatException e) {
            throw new SpecException(s.position(), "'" + s.text() + "' is not a JSON number: write it in decimal, or quote it to send a string");
        }
    }

    /** Where {@code ${variable}} starts in {@code raw}, skipping escaped {@code $${}. */
    private static int offsetOf(String raw, String variable) {
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                if (end < 0) break;
                if (raw.substring(i + 2, end).equals(variable)) return i;
                i = end + 1;
            } else {
                i++;
            }
        }
        return 0;
    }
}
