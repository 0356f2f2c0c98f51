package io.uxprobe.probes.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The error fields of a JSON response that a client would show its user: top-level {@code error}, {@code errors[]},
 * {@code message} next to an error flag, {@code error_description}, {@code fault.faultstring}, and problem+json's
 * {@code title}/{@code detail}. Anything nested in ordinary data (a track titled "Error") is not a message.
 */
final class JsonErrorFields {

    /** Error text a client would show; {@code fromGraphql} when it came only from a GraphQL {@code errors[]}. */
    record Surfaced(String text, boolean fromGraphql) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> READ = Set.of(
            "error", "errors", "message", "status", "result", "success", "ok", "error_description", "fault", "title", "detail");
    private static final Set<String> ERROR_STATUSES = Set.of("error", "fail", "failed", "failure");
    private static final String[] MESSAGE_FIELDS = {"message", "description", "detail", "title", "error_description"};

    private final Map<String, JsonNode> fields;

    private JsonErrorFields(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    /**
     * The top-level fields of a JSON object or array; empty when the body is not JSON at all (an HTML error page
     * behind a JSON content type). Only the few fields read here become trees: the rest is skipped, so a large
     * document costs one pass and little memory.
     */
    static Optional<JsonErrorFields> parse(String body) {
        Map<String, JsonNode> fields = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (IOException notJson) {
                return Optional.empty();
            }
            if (first == JsonToken.START_ARRAY) {
                return Optional.of(new JsonErrorFields(Map.of())); // a list of data has no top-level error fields
            }
            if (first != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (READ.contains(name)) {
                        JsonNode value = parser.readValueAsTree();
                        fields.put(name, value == null ? NullNode.getInstance() : value);
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException cutOff) {
                // A body cut at the capture limit still has its first fields, where APIs put errors.
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new JsonErrorFields(fields));
    }

    /** @param problemJson the response is {@code application/problem+json}, whose {@code title} is the message */
    Optional<Surfaced> surfaced(boolean problemJson) {
        Set<String> texts = new LinkedHashSet<>();
        JsonNode error = field("error");
        boolean errorSaysSo = isSet(error);
        addMessages(error, texts);
        JsonNode errors = field("errors");
        boolean errorsSaySo = isSet(errors);
        boolean fromGraphql = texts.isEmpty() && errors.isArray() && errorsSaySo;
        addMessages(errors, texts);
        if (errorSaysSo || errorsSaySo || statusSaysError()) {
            addText(field("message"), texts);
        }
        addText(field("error_description"), texts);
        addText(field("fault").path("faultstring"), texts);
        if (problemJson) {
            addText(field("title"), texts);
            addText(field("detail"), texts);
        }
        if (texts.isEmpty() && errorSaysSo) {
            texts.add("error: " + error); // "error": true tells the client to show its generic failure
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(new Surfaced(String.join("; ", texts), fromGraphql));
    }

    private JsonNode field(String name) {
        return fields.getOrDefault(name, NullNode.getInstance());
    }

    private boolean statusSaysError() {
        JsonNode status = field("status");
        boolean badStatus = status.isTextual() && ERROR_STATUSES.contains(status.asText().strip().toLowerCase(Locale.ROOT))
                || status.isIntegralNumber() && status.asInt() >= 400 && status.asInt() < 600;
        JsonNode result = field("result");
        boolean badResult = result.isTextual() && ERROR_STATUSES.contains(result.asText().strip().toLowerCase(Locale.ROOT));
        return badStatus || badResult || isFalse(field("success")) || isFalse(field("ok"));
    }

    // null, "", false, 0, [] and {} are how APIs say "no error".
    private static boolean isSet(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> !node.asText().isBlank();
            case BOOLEAN -> node.asBoolean();
            case NUMBER -> node.asDouble() != 0;
            case ARRAY, OBJECT -> !node.isEmpty();
            default -> false;
        };
    }

    private static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.asBoolean();
    }

    private static void addMessages(JsonNode node, Set<String> texts) {
        if (node.isArray()) {
            node.forEach(item -> addMessage(item, texts));
        } else if (node.isTextual() || node.isObject() && !node.isEmpty()) {
            addMessage(node, texts);
        }
    }

    private static void addMessage(JsonNode item, Set<String> texts) {
        if (item.isObject()) {
            for (String name : MESSAGE_FIELDS) {
                if (addText(item.path(name), texts)) {
                    return;
                }
            }
        }
        if (item.isTextual()) {
            addText(item, texts);
        } else if (isSet(item)) {
            texts.add(compact(item)); // no message field: the client shows what it got
        }
    }

    private static boolean addText(JsonNode node, Set<String> texts) {
        if (node.isTextual() && !node.asText().isBlank()) {
            texts.add(node.asText().strip());
            return true;
        }
        return false;
    }

    private static String compact(JsonNode node) {
        String json = node.toString();
        return json.length() > FoldedText.MAX_CHARS ? json.substring(0, FoldedText.MAX_CHARS) : json;
    }
}
