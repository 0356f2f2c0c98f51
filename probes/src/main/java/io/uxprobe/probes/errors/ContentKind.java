package io.uxprobe.probes.errors;

import java.util.Locale;
import java.util.Set;

/** How a response is read for error messages, decided by its media type (and, when that says little, its first bytes). */
enum ContentKind {
    /** Rendered by a browser: only visible text counts. */
    HTML,
    /** Read by a client: only the error fields it would surface count. */
    JSON,
    /** Read by a client: the error it carries (a SOAP fault, S3's {@code <Error>}), else its text. */
    XML,
    /** Shown as is: all of it counts. */
    TEXT,
    /** Media, archives, code: nothing in it is a message to the user. */
    NONE;

    // Text types that are code or data, not something shown to a user.
    private static final Set<String> CODE = Set.of(
            "text/javascript", "text/ecmascript", "text/css", "text/csv", "text/tab-separated-values",
            "application/javascript", "application/ecmascript");

    /** @param contentType media type, lower case, without parameters; may be empty */
    static ContentKind of(String contentType, String body) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return HTML;
        }
        if (type.equals("application/json") || type.endsWith("+json") || type.equals("text/json")) {
            return JSON;
        }
        if (type.isEmpty() || type.equals("text/plain")) {
            return looksLikeHtml(body) ? HTML : type.isEmpty() && looksLikeJsonObject(body) ? JSON : type.isEmpty() && looksLikeXml(body) ? XML : TEXT;
        }
        if (CODE.contains(type)) {
            return NONE;
        }
        if (type.equals("text/xml") || type.equals("application/xml") || type.endsWith("+xml") && !type.startsWith("image/")) {
            return XML;
        }
        if (type.startsWith("text/")) {
            return TEXT;
        }
        return NONE;
    }

    /** Servers without a content type, or proxies that say text/plain, still send pages. */
    static boolean looksLikeHtml(String body) {
        String start = start(body, 32);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static boolean looksLikeXml(String body) {
        return start(body, 5).equals("<?xml");
    }

    private static boolean looksLikeJsonObject(String body) {
        return start(body, 1).equals("{");
    }

    private static String start(String body, int length) {
        int i = 0;
        while (i < body.length() && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == '\uFEFF')) {
            i++;
        }
        return body.substring(i, Math.min(body.length(), i + length)).toLowerCase(Locale.ROOT);
    }
}
