package io.uxprobe.agent.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wording of a message, with placeholders filled from the state change: {@code {journey}}, {@code {regions}},
 * {@code {state}}, {@code {since}} (HH:mm, UTC), {@code {message}}, {@code {step}}, {@code {reason}},
 * {@code {statusUrl}}. {@code {{} and {@code }}} write a brace. Nothing else is interpreted: values are inserted
 * as they are, never read as placeholders again, so a server's error text cannot change the wording.
 */
public final class MessageTemplate {

    public static final List<String> PLACEHOLDERS = List.of("journey", "regions", "state", "since", "message", "step", "reason", "statusUrl");

    public static final MessageTemplate DEFAULT_DOWN = parse(
            "We are seeing {journey} failures in {regions} since {since} UTC; users may see '{message}'. Status: {statusUrl}");
    public static final MessageTemplate DEFAULT_UP = parse(
            "{journey} works again in {regions} since {since} UTC. Status: {statusUrl}");

    private final String source;
    /** Literal text and placeholder names, alternating: even indexes are text. */
    private final List<String> parts;

    private MessageTemplate(String source, List<String> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException naming the unknown placeholder or the unclosed brace, and what is allowed */
    public static MessageTemplate parse(String source) {
        ArrayList<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < source.length() && source.charAt(i + 1) == c) {
                text.append(c);
                i += 2;
            } else if (c == '{') {
                int end = source.indexOf('}', i);
                if (end < 0) throw new IllegalArgumentException("template has a '{' at character " + (i + 1)
                        + " that is never closed; write {{ for a literal brace");
                String name = source.substring(i + 1, end);
                if (!PLACEHOLDERS.contains(name)) throw new IllegalArgumentException("template has an unknown placeholder {" + name
                        + "}; expected one of " + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
                parts.add(text.toString());
                parts.add(name);
                text.setLength(0);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("template has a '}' at character " + (i + 1) + " without its '{'; write }} for a literal brace");
            } else {
                text.append(c);
                i++;
            }
        }
        parts.add(text.toString());
        return new MessageTemplate(source, List.copyOf(parts));
    }

    /** The text with every placeholder replaced; a value missing from {@code values} becomes empty. */
    public String render(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            b.append(i % 2 == 0 ? parts.get(i) : values.getOrDefault(parts.get(i), ""));
        }
        return b.toString();
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTemplate t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
