package io.uxprobe.agent.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One message for one webhook, rendered when the change happens: what is queued and posted. */
record Outgoing(String journey, String state, String contentType, byte[] body) {

    private static final JsonFactory JSON = new JsonFactory();

    static Outgoing of(Webhook webhook, StateChange change, URI statusPage) {
        String link = StatusUrl.journey(statusPage, change.journey()).toString();
        Map<String, String> values = values(change, link);
        String text = webhook.wording(change.to()).render(values);
        String body = switch (webhook.format()) {
            case JSON -> json(change, link, values, text);
            case SLACK -> slack(text);
            case TEXT -> text;
        };
        String type = webhook.format() == Webhook.Format.TEXT ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
        return new Outgoing(change.journey(), change.to().label(), type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The template's values: one line each, the error text cut at 300 characters. */
    static Map<String, String> values(StateChange change, String link) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("journey", change.journey());
        v.put("regions", String.join(", ", change.regions()));
        v.put("state", change.to().label());
        v.put("since", Words.hourMinute(change.since()));
        v.put("message", change.message().map(m -> Words.oneLine(m, 300)).orElse(""));
        v.put("step", change.step().orElse(""));
        v.put("reason", change.reason().orElse(""));
        v.put("statusUrl", link);
        return v;
    }

    private static String json(StateChange change, String link, Map<String, String> values, String text) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("journey", change.journey());
            g.writeStringField("region", change.region());
            g.writeArrayFieldStart("regions");
            for (String r : change.regions()) g.writeString(r);
            g.writeEndArray();
            g.writeStringField("state", change.to().label());
            g.writeStringField("previousState", change.from().label());
            g.writeStringField("since", change.since().toString());
            nullable(g, "step", change.step());
            nullable(g, "reason", change.reason());
            nullable(g, "message", change.message().map(m -> values.get("message")));
            g.writeStringField("statusUrl", link);
            g.writeStringField("text", text);
            g.writeEndObject();
        });
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: escaped, so error text shows as it was. */
    private static String slack(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("text", escaped);
            g.writeEndObject();
        });
    }

    private static void nullable(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) g.writeStringField(field, value.get());
        else g.writeNullField(field);
    }

    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            writing.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
