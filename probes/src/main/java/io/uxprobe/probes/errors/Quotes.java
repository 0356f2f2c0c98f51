package io.uxprobe.probes.errors;

import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Is a phrase inside quotation marks in its paragraph? Marks are counted from the paragraph's start: an odd count
 * before the phrase, and a mark after it, mean the phrase is quoted. Straight, typographic, low-9, guillemet and CJK
 * corner marks all count; an apostrophe between two letters ({@code can't}) does not.
 */
final class Quotes {

    private static final String MARKS = "\"\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u300C\u300D\u300E\u300F\u301D\u301E\uFF02";
    private static final String SINGLE = "'\u2018\u2019\u201A\u201B";

    private Quotes() {}

    /** The mark that opens the quotation around {@code [start, end)}, or empty when the phrase is not quoted. */
    static Optional<String> around(HtmlPage page, Element el, int start, int end) {
        int[] range = page.blockRange(el, start);
        String text = page.text().shown();
        String separators = separators(text, range[0], Math.min(range[1], text.length()));
        int before = 0;
        char opening = 0;
        for (int i = range[0]; i < start; i++) {
            if (isMark(text, i) && separators.indexOf(text.charAt(i)) < 0) {
                before++;
                if (before % 2 == 1) opening = text.charAt(i);
            }
        }
        if (before % 2 == 0) return Optional.empty();
        for (int i = end; i < range[1]; i++) {
            if (isMark(text, i) && separators.indexOf(text.charAt(i)) < 0) return Optional.of(String.valueOf(opening));
        }
        return Optional.empty();
    }

    /**
     * Guillemets that stand without their mirror in the block separate rather than quote: a breadcrumb's
     * "Forum › IT › Thread", "Home » News". A quotation has both: « … », »…«, ‹ … ›.
     */
    private static String separators(String text, int from, int to) {
        String block = text.substring(from, Math.max(from, to));
        StringBuilder lone = new StringBuilder();
        if (block.indexOf('\u2039') < 0) lone.append('\u203A');
        if (block.indexOf('\u203A') < 0) lone.append('\u2039');
        if (block.indexOf('\u00AB') < 0) lone.append('\u00BB');
        if (block.indexOf('\u00BB') < 0) lone.append('\u00AB');
        return lone.toString();
    }

    /** The same for plain text, within the phrase's sentence; Markdown's backticks quote too. */
    static boolean inText(String text, int start, int end) {
        int from = Math.max(0, Math.max(text.lastIndexOf(". ", start), Math.max(text.lastIndexOf("! ", start), text.lastIndexOf("? ", start))));
        int to = text.indexOf(". ", end);
        to = to < 0 ? text.length() : to;
        int before = 0;
        for (int i = from; i < start; i++) if (isMark(text, i) || text.charAt(i) == '`') before++;
        if (before % 2 == 0) return false;
        for (int i = end; i < to; i++) if (isMark(text, i) || text.charAt(i) == '`') return true;
        return false;
    }

    private static boolean isMark(String text, int i) {
        char c = text.charAt(i);
        if (MARKS.indexOf(c) >= 0) return true;
        if (SINGLE.indexOf(c) < 0) return false;
        boolean letterBefore = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
        boolean letterAfter = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
        return !(letterBefore && letterAfter); // an apostrophe, not a quotation mark
    }
}
