package io.uxprobe.agent.text;

/**
 * Text as every output of uxprobe shows it: the one place that decides what a server's bytes may do to a terminal,
 * a JUnit report, a log line or a page. Console, reports, logs, the status page, {@code /api/status} and webhooks all
 * pass what they write through here.
 *
 * <p>Control characters never get through: C0 controls and DEL are shown as their Unicode control pictures (ESC as
 * {@code ␛}, NUL as {@code ␀}), so a reader still sees that they were there; C1 controls, bidirectional overrides
 * and isolates, the noncharacters U+FFFE and U+FFFF and unpaired surrogates (none of which XML allows, or which
 * reorder what a reader sees) as {@code �}. In a {@link #line} tabs and line breaks become spaces, so one value
 * stays on its line and cannot forge another.
 */
public final class Printable {

    private static final char REPLACEMENT = '\uFFFD';

    private Printable() {}

    /** {@code text} on one line, with nothing a terminal, XML or logfmt would read as a control. */
    public static String line(String text) {
        return clean(text, false);
    }

    /** {@code text} as a {@link #line}, cut to at most {@code max} chars (an ellipsis last, never half a surrogate pair). */
    public static String line(String text, int max) {
        String line = line(text);
        if (line.length() <= max) return line;
        int end = max - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) end--;
        return line.substring(0, end) + "…";
    }

    /** {@code text} with its line breaks and tabs kept (a report's body of several lines), and nothing else a control. */
    public static String lines(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean keepLines) {
        int first = firstUnsafe(text, keepLines);
        if (first < 0) return text;
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (!unsafe(c, keepLines)) {
                b.append(c);
            } else {
                b.append(shown(c));
            }
        }
        return b.toString();
    }

    private static int firstUnsafe(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (unsafe(c, keepLines)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) return false;
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) // bidi embeddings, overrides, isolates
                || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF'
                || Character.isSurrogate(c); // a surrogate here is unpaired: paired ones were taken whole
    }

    private static char shown(char c) {
        return switch (c) {
            case '\t', '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> ' ';
            case '\u007F' -> '\u2421';
            default -> c < 0x20 ? (char) (0x2400 + c) : REPLACEMENT;
        };
    }
}
