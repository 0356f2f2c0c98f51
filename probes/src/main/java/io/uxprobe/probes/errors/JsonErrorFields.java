package io.uxprobe.probes.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * Error text a client would show; {@code fromGraphql} when it came only from a GraphQL {@code errors[]};
     * {@code field} the first field it came from, such as {@code $.error}; {@code flagged} when a field says it is an
     * error ({@code error}, {@code errors}, an error status), not a lone {@code message} that only a signature can name.
     */
    record Surfaced(String text, boolean fromGraphql, String field, boolean flagged) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> READ = canonical(
            "error", "errors", "message", "status", "result", "success", "ok", "error_description", "fault", "title", "detail", "errormessage",
            "msg", "error_message", "error_code", "errorcode", "status_code", "statuscode", "code", "name", "type", "error_msg", "errmsg",
            "sub_msg", "details", "exception", "messages", "issuccess", "issuccessful", "successful", "succeeded", "ack", "errortext",
            "resultmessage", "resultmsg", "returnmessage", "returnmsg", "stacktrace", "stack");
    // words of an error code or name that say it is one: "INTERNAL_SERVICE_ERROR", "FAILED_INTERNAL_SYSTEM_PROCESSING"
    private static final Set<String> ERROR_CODE_WORDS = Set.of("error", "err", "fail", "failed", "failure", "exception", "invalid",
            "unavailable", "denied", "forbidden", "timeout", "unauthorized", "unauthenticated", "fault", "internal");
    private static final Set<String> ERROR_STATUSES = Set.of("error", "fail", "failed", "failure");
    private static final String[] MESSAGE_FIELDS = {"message", "description", "detail", "title", "errordescription", "reason", "faultstring",
        "errortext", "errormessage", "resultmessage"};
    /** An object this small whose message is all it says is the message (AWS API Gateway's {"message": "…"}). */
    private static final int LONE_MESSAGE_FIELDS = 6;
    /** An object with more top-level fields than this is a document, not an error answer. */
    private static final int DOCUMENT_FIELDS = 8;

    private final Map<String, JsonNode> fields;
    private final int fieldCount;
    private final boolean hasData;
    private final int objectFields;
    private final Optional<JsonNode> envelope;
    private final int depth;
    /** Other objects of a small answer, by name: where an answer that says it failed may keep its error. */
    private final Map<String, JsonNode> others;
    /** {@code "data": null}: the answer carries no data, as a failed one does not. */
    private final boolean noData;

    /** An answer this small keeps its other objects, to look in them for the error it says it has. */
    private static final int SMALL_ANSWER_CHARS = 16 * 1024;

    /** Envelopes read, at most: {"response": {"header": {"result": {"message": …}}}} is three. */
    private static final int MAX_ENVELOPES = 3;

    private JsonErrorFields(Map<String, JsonNode> fields, int fieldCount, boolean hasData, int objectFields, Optional<JsonNode> envelope,
            int depth, Map<String, JsonNode> others, boolean noData) {
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.hasData = hasData;
        this.objectFields = objectFields;
        this.envelope = envelope;
        this.depth = depth;
        this.others = others;
        this.noData = noData;
    }

    /** An object that wraps the answer: {@code x_response}, {@code result}, a {@code header} with its status. */
    private static boolean envelopeName(String name) {
        return name.endsWith("response") || name.endsWith("result") || name.endsWith("status") || name.equals("header") || name.equals("head");
    }

    /** The fields of an object already read: an envelope's, {@code depth} envelopes down. */
    private static JsonErrorFields of(JsonNode object, int depth) {
        Map<String, JsonNode> fields = new HashMap<>();
        Map<String, JsonNode> others = new LinkedHashMap<>();
        int objects = 0;
        JsonNode envelope = null;
        for (var e : object.properties()) {
            String name = unqualified(e.getKey().toLowerCase(Locale.ROOT));
            if (e.getValue().isObject()) objects++;
            if (READ.contains(name)) fields.put(name, e.getValue());
            if (envelope == null && e.getValue().isObject() && envelopeName(name)) envelope = e.getValue();
            if (e.getValue().isObject() && !name.equals("data")) others.put(name, e.getValue());
        }
        boolean noData = object.has("data") && object.get("data").isNull();
        return new JsonErrorFields(fields, object.size(), object.has("data"), objects, Optional.ofNullable(envelope), depth, others, noData);
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
                if (body.length() <= SMALL_ANSWER_CHARS) {
                    JsonNode array = parser.readValueAsTree();
                    if (errorList(array)) return Optional.of(new JsonErrorFields(Map.of("errors", array), 1, false, 0, Optional.empty(), 0, Map.of(), false));
                }
                return Optional.of(new JsonErrorFields(Map.of(), 0, false, 0, Optional.empty(), 0, Map.of(), false)); // a list of data has no top-level error fields
            }
            if (first != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            int count = 0;
            int objects = 0;
            boolean data = false;
            JsonNode envelope = null;
            Map<String, JsonNode> others = new LinkedHashMap<>();
            boolean small = body.length() <= SMALL_ANSWER_CHARS;
            boolean noData = false;
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = unqualified(parser.currentName().toLowerCase(Locale.ROOT)); // "Message" from AWS, "message" from most
                    count++;
                    data |= name.equals("data"); // GraphQL answers carry data beside their errors
                    if (parser.nextToken() == JsonToken.START_OBJECT) objects++;
                    noData |= name.equals("data") && parser.currentToken() == JsonToken.VALUE_NULL;
                    if (READ.contains(name)) {
                        JsonNode value = parser.readValueAsTree();
                        fields.put(name, value == null ? NullNode.getInstance() : value);
                        if (envelope == null && value != null && value.isObject() && envelopeName(name)) envelope = value; // {"result": {…}}
                    } else if (envelope == null && parser.currentToken() == JsonToken.START_OBJECT
                            && envelopeName(name)) {
                        envelope = parser.readValueAsTree(); // {"alipay_trade_query_response": {"code": …, "msg": …}, "sign": …}
                    } else if (small && parser.currentToken() == JsonToken.START_OBJECT && !name.equals("data")) {
                        others.put(name, parser.readValueAsTree());
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException cutOff) {
                // A body cut at the capture limit still has its first fields, where APIs put errors.
            }
            return Optional.of(new JsonErrorFields(fields, count, data, objects, Optional.ofNullable(envelope), 0, others, noData));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A list that is the answer's errors: one to three small objects, each a message with its code (Salesforce's
     * {@code [{"message": …, "errorCode": "INVALID_SESSION_ID"}]}); a list of records says more about each.
     */
    private static boolean errorList(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > 3) return false;
        for (JsonNode item : array) {
            boolean coded = item.has("errorCode") || item.has("error_code") || item.has("code");
            if (!item.isObject() || item.size() > 4 || !member(item, "message").isTextual() || !coded) return false;
        }
        return true;
    }

    /** A field's name without its namespace: OData's {@code odata.error}, a {@code soap:fault} turned to JSON. */
    private static String unqualified(String name) {
        String plain = canonical(name);
        int dot = Math.max(plain.lastIndexOf('.'), plain.lastIndexOf(':'));
        return dot < 0 || !READ.contains(plain.substring(dot + 1)) ? plain : plain.substring(dot + 1);
    }

    /** A field's name as read: lower case, without '_' and '-' ({@code isSuccessful}, {@code error_message}, {@code errorMessage}). */
    private static String canonical(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    private static Set<String> canonical(String... names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) out.add(canonical(n));
        return Set.copyOf(out);
    }

    /** A member of {@code object} by its canonical name, whatever its case and separators ({@code Message}, {@code error_text}). */
    private static JsonNode member(JsonNode object, String name) {
        if (!object.isObject()) return NullNode.getInstance();
        JsonNode exact = object.get(name);
        if (exact != null) return exact;
        for (var e : object.properties()) {
            if (canonical(e.getKey()).equals(name)) return e.getValue();
        }
        return NullNode.getInstance();
    }

    /** @param problemJson the response is {@code application/problem+json}, whose {@code title} is the message */
    Optional<Surfaced> surfaced(boolean problemJson) {
        Set<String> texts = new LinkedHashSet<>();
        String first = null;
        JsonNode error = field("error");
        // in a large document (a catalogue of messages), an "error" or "errors" map of texts is data, not this answer's error
        // (objects beside it, such as a catalogue's "common" and "toasts", or many fields, make one)
        boolean document = fieldCount > DOCUMENT_FIELDS || objectFields >= 3;
        boolean errorSaysSo = isSet(error) && !(document && error.isObject());
        if (errorSaysSo) addMessages(error, texts);
        if (!texts.isEmpty()) first = "$.error";
        JsonNode errors = field("errors");
        boolean errorsSaySo = isSet(errors) && !(document && errors.isObject());
        boolean fromGraphql = texts.isEmpty() && errors.isArray() && errorsSaySo && graphql(errors);
        if (errorsSaySo) addMessages(errors, texts);
        if (first == null && !texts.isEmpty()) first = "$.errors";
        boolean flaggedByStatus = statusSaysError();
        if ((errorSaysSo || errorsSaySo || flaggedByStatus) && addText(field("message"), texts) && first == null) first = "$.message";
        if ((errorSaysSo || errorsSaySo || flaggedByStatus) && addText(field("msg"), texts) && first == null) first = "$.msg";
        if (addText(field("error_message"), texts) && first == null) first = "$.error_message"; // and AWS Lambda's, Netlify's errorMessage
        if (addText(field("error_msg"), texts) && first == null) first = "$.error_msg";
        if (addText(field("errmsg"), texts) && first == null) first = "$.errmsg";
        if (flaggedByStatus && addText(field("sub_msg"), texts) && first == null) first = "$.sub_msg";
        for (String name : new String[] {"errortext", "resultmessage", "resultmsg", "returnmessage", "returnmsg"}) {
            if (flaggedByStatus && addText(field(name), texts) && first == null) first = "$." + name;
        }
        if (flaggedByStatus && field("messages").isArray() && texts.isEmpty()) { // {"status": false, "messages": ["系统忙，请稍后重试"]}
            addMessages(field("messages"), texts);
            if (!texts.isEmpty()) first = "$.messages";
        }
        if (addText(field("error_description"), texts) && first == null) first = "$.error_description";
        JsonNode fault = field("fault"); // SOAP's turned to JSON ({"fault": {"faultstring": …}}), API gateways' ({"fault": {"message": …}})
        if (fault.isObject() && isSet(fault)) {
            addMessage(fault, texts);
            if (first == null && !texts.isEmpty()) first = "$.fault";
        }
        if (addText(field("exception"), texts) && first == null) first = "$.exception"; // Frappe's, Laravel's debug answers
        // problem+json's shape under another type ({"type": …, "title": "Endpoint … not found", "status": 404})
        boolean problemShape = field("title").isTextual() && field("detail").isTextual(); // problem+json's pair under another type
        if (problemJson || texts.isEmpty() && (problemShape || flaggedByStatus && field("status").isIntegralNumber())) {
            if (addText(field("title"), texts) && first == null) first = "$.title";
            if (addText(field("detail"), texts) && first == null) first = "$.detail";
        }
        if (texts.isEmpty() && errorSaysSo) {
            texts.add("error: " + error); // "error": true tells the client to show its generic failure
            first = "$.error";
        }
        if (texts.isEmpty() && fieldCount == 1 && addText(field("detail"), texts)) {
            return Optional.of(new Surfaced(texts.iterator().next(), false, "$.detail", true)); // FastAPI's and Django REST's error body
        }
        if (texts.isEmpty() && fieldCount <= LONE_MESSAGE_FIELDS && !statusSaysOk()) {
            for (String lone : new String[] {"message", "detail", "msg"}) {
                if (addText(field(lone), texts)) return Optional.of(new Surfaced(texts.iterator().next(), false, "$." + lone, false));
            }
        }
        if (texts.isEmpty() && envelope.isPresent() && depth < MAX_ENVELOPES) {
            // the answer sits a level down, in its envelope; a status here that says error makes its message one
            boolean saysError = flaggedByStatus || errorSaysSo;
            return of(envelope.get(), depth + 1).surfaced(problemJson)
                    .map(inner -> saysError ? new Surfaced(inner.text(), inner.fromGraphql(), inner.field(), true) : inner);
        }
        if (texts.isEmpty() && (flaggedByStatus || noData)) {
            return nestedError(others, "$", 0); // {"success": false, "payload": {"search": {"error": {"message": …}}}}
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(new Surfaced(String.join("; ", texts), fromGraphql, first, true));
    }

    /** The first {@code error} or {@code errors} set within {@code objects}, at most {@link #MAX_ENVELOPES} levels down. */
    private static Optional<Surfaced> nestedError(Map<String, JsonNode> objects, String path, int depth) {
        if (depth >= MAX_ENVELOPES) return Optional.empty();
        for (var e : objects.entrySet()) {
            JsonNode node = e.getValue();
            for (String name : new String[] {"error", "errors"}) {
                JsonNode error = member(node, name);
                Set<String> texts = new LinkedHashSet<>();
                if (isSet(error)) addMessages(error, texts);
                if (!texts.isEmpty()) return Optional.of(new Surfaced(String.join("; ", texts), false, path + "." + e.getKey() + "." + name, true));
            }
            Map<String, JsonNode> inner = new LinkedHashMap<>();
            node.properties().forEach(p -> {
                if (p.getValue().isObject()) inner.put(p.getKey(), p.getValue());
            });
            Optional<Surfaced> found = nestedError(inner, path + "." + e.getKey(), depth + 1);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    // GraphQL's errors sit beside "data", or carry locations, path or extensions; other APIs' errors[] do not
    private boolean graphql(JsonNode errors) {
        if (hasData) return true;
        for (JsonNode e : errors) {
            if (e.has("locations") || e.has("path") || e.has("extensions")) return true;
        }
        return false;
    }

    private JsonNode field(String name) {
        return fields.getOrDefault(canonical(name), NullNode.getInstance());
    }

    private boolean statusSaysOk() {
        JsonNode status = field("status");
        return status.isTextual() && Set.of("ok", "success", "succeeded").contains(status.asText().strip().toLowerCase(Locale.ROOT))
                || status.isIntegralNumber() && status.asInt() >= 200 && status.asInt() < 400
                || field("success").isBoolean() && field("success").asBoolean() || field("ok").isBoolean() && field("ok").asBoolean();
    }

    private boolean statusSaysError() {
        JsonNode status = field("status");
        boolean badStatus = status.isTextual() && ERROR_STATUSES.contains(status.asText().strip().toLowerCase(Locale.ROOT))
                || isFalse(status)
                || status.isIntegralNumber() && status.asInt() >= 400 && status.asInt() < 600;
        JsonNode result = field("result");
        boolean badResult = result.isTextual() && ERROR_STATUSES.contains(result.asText().strip().toLowerCase(Locale.ROOT));
        // a code beside the message: an HTTP status in the body ({"code": 500, "msg": …}, {"status_code": 401}), or an error code
        // gRPC's status as JSON (grpc-gateway, Google APIs): {"code": 14, "message": …, "details": []}, code 0 being OK
        JsonNode code = field("code");
        boolean grpcStatus = field("details").isArray() && code.isIntegralNumber() && code.asInt() > 0 && code.asInt() <= 16;
        // a negative code is an error code wherever it is used (Binance's {"code": -1003, "msg": …})
        // (names are read canonical: status_code is statusCode, error_code is errorCode)
        boolean badCode = httpError(code) || httpError(field("status_code"))
                || code.isIntegralNumber() && code.asLong() < 0
                || isSet(field("error_code"))
                || errorName(code) || errorName(field("name")) || errorName(field("type"));
        // an answer that carries a stack trace is a failure's, whatever its code says (n8n's {"code": 0, "message": …, "stacktrace": …})
        boolean stack = field("stacktrace").isTextual() && !field("stacktrace").asText().isBlank()
                || field("stack").isTextual() && field("stack").asText().contains("\n");
        JsonNode ack = field("ack"); // eBay's and Ctrip's {"Ack": "Failure"}
        boolean badAck = ack.isTextual() && Set.of("failure", "error", "fail").contains(ack.asText().strip().toLowerCase(Locale.ROOT));
        return badStatus || badResult || badCode || grpcStatus || badAck || stack || isFalse(field("success")) || isFalse(field("ok"))
                || isFalse(field("issuccess")) || isFalse(field("issuccessful")) || isFalse(field("successful")) || isFalse(field("succeeded"));
    }

    private static boolean errorName(JsonNode name) {
        if (!name.isTextual()) return false;
        for (String w : name.asText().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (ERROR_CODE_WORDS.contains(w)) return true;
        }
        return false;
    }

    private static boolean httpError(JsonNode code) {
        return code.isIntegralNumber() && code.asInt() >= 400 && code.asInt() < 600;
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
                // OData's message is an object: {"lang": "en-US", "value": "…"}; others key it by language: {"en": …, "ar": …}
                JsonNode message = member(item, name);
                if (addText(message, texts) || addText(message.path("value"), texts) || addText(inLanguage(message), texts)) {
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

    /** A message keyed by language ({"en": …, "ar": …}): the English one, else the first. */
    private static JsonNode inLanguage(JsonNode message) {
        if (!message.isObject() || message.isEmpty()) return NullNode.getInstance();
        for (var e : message.properties()) {
            if (!e.getKey().matches("[a-zA-Z]{2}(?:[-_][a-zA-Z]{2,4})?") || !e.getValue().isTextual()) return NullNode.getInstance();
        }
        return message.has("en") ? message.get("en") : message.properties().iterator().next().getValue();
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
