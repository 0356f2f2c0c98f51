package io.uxprobe.probes.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A JSON value from a journey file whose strings are templates (a request's {@code json:} body, a {@code jsonPath} {@code equals:}). */
public sealed interface JsonTemplate {

    /** A JSON object; keys keep their order. */
    record Obj(Map<String, JsonTemplate> fields) implements JsonTemplate {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    record Arr(List<JsonTemplate> items) implements JsonTemplate {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(Template text) implements JsonTemplate {}

    /** A number, boolean or null, used as is. */
    record Scalar(JsonNode value) implements JsonTemplate {}

    default JsonNode render(Variables vars) {
        return switch (this) {
            case Obj o -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                o.fields().forEach((k, v) -> node.set(k, v.render(vars)));
                yield node;
            }
            case Arr a -> {
                ArrayNode node = JsonNodeFactory.instance.arrayNode();
                a.items().forEach(i -> node.add(i.render(vars)));
                yield node;
            }
            case Str s -> JsonNodeFactory.instance.textNode(s.text().render(vars));
            case Scalar s -> s.value();
        };
    }

    default Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        collect(this, names, true);
        return names;
    }

    default Set<String> secrets() {
        Set<String> values = new LinkedHashSet<>();
        collect(this, values, false);
        return values;
    }

    private static void collect(JsonTemplate t, Set<String> into, boolean variables) {
        switch (t) {
            case Obj o -> o.fields().values().forEach(v -> collect(v, into, variables));
            case Arr a -> a.items().forEach(v -> collect(v, into, variables));
            case Str s -> into.addAll(variables ? s.text().variables() : s.text().secrets());
            case Scalar ignored -> { }
        }
    }
}
