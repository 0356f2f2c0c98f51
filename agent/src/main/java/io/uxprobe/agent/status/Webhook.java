package io.uxprobe.agent.status;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where state changes are posted and how they are worded. {@code headers} may carry tokens and the URL itself may
 * be secret (a Slack webhook URL is), so neither header values nor the URL's path ever reach a log: logs name a
 * webhook by {@link #describe()}. {@code template} words DOWN messages, {@code recoveryTemplate} UP ones; either
 * falls back to the built-in wording.
 */
public record Webhook(URI url, Map<String, String> headers, Format format, Optional<MessageTemplate> template,
        Optional<MessageTemplate> recoveryTemplate) {

    /** What the body is: {@code json} (every field, and {@code text}), {@code slack} ({@code {"text": …}}), {@code text} (plain). */
    public enum Format {
        JSON, SLACK, TEXT;

        /** {@code json}, {@code slack} or {@code text}, case ignored. */
        public static Format of(String name) {
            for (Format f : values()) if (f.name().equalsIgnoreCase(name.strip())) return f;
            throw new IllegalArgumentException("unknown webhook format '" + name + "'; expected json, slack or text");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Webhook {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an absolute http:// or https:// URL, got '" + describe(url) + "…'");
        }
        headers.forEach(Webhook::checkHeader);
        headers = Map.copyOf(headers);
    }

    /** Checked here, so the loader can point at it; the message never quotes the value, which may be a token. */
    private static void checkHeader(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("webhook header name '" + name + "' is not a valid HTTP header name");
        }
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("webhook header " + name + " has a value with a line break or a non-ASCII character, which HTTP cannot carry");
        }
    }

    /** A JSON webhook with the built-in wording and no headers. */
    public static Webhook json(URI url) {
        return new Webhook(url, Map.of(), Format.JSON, Optional.empty(), Optional.empty());
    }

    /** What logs call this webhook: scheme, host and port, never the path, query or user info. */
    public String describe() {
        return describe(url);
    }

    MessageTemplate wording(State to) {
        return to == State.DOWN ? template.orElse(MessageTemplate.DEFAULT_DOWN) : recoveryTemplate.orElse(MessageTemplate.DEFAULT_UP);
    }

    /** Webhooks with the same URL and headers share one queue, so their messages keep their order. */
    Target target() {
        return new Target(url, headers);
    }

    record Target(URI url, Map<String, String> headers) {}

    private static String describe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
        String host = url.getHost() == null ? "" : url.getHost();
        return scheme + host + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
