package io.uxprobe.probes.errors;

import io.uxprobe.probes.template.Redactor;

/**
 * A short excerpt of what the user saw around a match, cut at word boundaries, with an ellipsis where cut. The
 * secrets of the detection under way ({@link #SECRETS}) are masked before the cut, which never falls inside one.
 */
final class Snippet {

    static final int MAX_CHARS = 120;
    private static final String ELLIPSIS = "…";

    /** The secrets to mask in snippets; none when unbound. */
    static final ScopedValue<Redactor> SECRETS = ScopedValue.newInstance();

    private Snippet() {}

    /** The text around {@code [start, end)} of {@code text}, at most {@link #MAX_CHARS} chars including ellipses. */
    static String around(String text, int start, int end) {
        int room = MAX_CHARS - 2 * ELLIPSIS.length();
        if (end - start >= room) {
            return cut(text, start, start + room, true);
        }
        int context = room - (end - start);
        int from = Math.max(0, start - context / 2);
        int to = Math.min(text.length(), end + (context - (start - from)));
        from = Math.max(0, Math.min(from, to - room)); // near the end of the text, spend the context before the match
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > end ? space : to;
        }
        return cut(text, from, to, false);
    }

    /** The beginning of {@code text}, for a message that no signature pinned down. */
    static String head(String text) {
        return around(text, 0, 0);
    }

    private static String cut(String text, int from, int to, boolean forceEllipsis) {
        Redactor secrets = SECRETS.orElse(Redactor.none());
        for (Redactor.Span secret : secrets.spans(text)) {
            if (secret.start() < from && secret.end() > from) from = secret.start();
            if (secret.start() < to && secret.end() > to) to = secret.end();
        }
        from = avoidSplitPair(text, from);
        to = avoidSplitPair(text, to);
        String body = secrets.redact(text.substring(from, to)).strip();
        String prefix = from > 0 ? ELLIPSIS : "";
        String suffix = forceEllipsis || to < text.length() ? ELLIPSIS : "";
        return prefix + body + suffix;
    }

    // Never cut between the two halves of a surrogate pair (emoji), which would print as garbage.
    private static int avoidSplitPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
