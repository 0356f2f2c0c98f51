package io.uxprobe.probes.errors;

/**
 * Text as signatures see it: whitespace runs become one space, typographic quotes and dashes become ASCII,
 * invisible characters are dropped. {@code shown} keeps the case for snippets; {@code lower} is the same text
 * lower-cased char by char, so an index into one is an index into the other.
 */
record FoldedText(String shown, String lower) {

    /** How much text is examined: a real error message is never further in, and a 10 MiB body stays cheap. */
    static final int MAX_CHARS = 1 << 20;

    static FoldedText of(CharSequence text) {
        int limit = Math.min(text.length(), MAX_CHARS);
        StringBuilder shown = new StringBuilder(limit);
        boolean pendingSpace = false;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = !shown.isEmpty();
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            if (pendingSpace) {
                shown.append(' ');
                pendingSpace = false;
            }
            shown.append(ascii(c));
        }
        String s = shown.toString();
        return new FoldedText(s, lowerCharByChar(s));
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    // Character.toLowerCase(char) never changes the length, unlike String.toLowerCase ("İ" becomes two chars).
    private static String lowerCharByChar(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c); // isSpaceChar covers NBSP, U+2007, U+202F
    }

    // Soft hyphens and zero-width characters split words on screen without showing anything.
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static char ascii(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> c;
        };
    }
}
