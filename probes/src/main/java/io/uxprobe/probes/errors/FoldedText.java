package io.uxprobe.probes.errors;

/**
 * Text as signatures see it: whitespace runs become one space and invisible characters are dropped. Three views of
 * the same characters, index for index: {@code shown} as the page wrote them (for snippets, and to tell an opening
 * quotation mark from a closing one), {@code folded} with typographic quotes and dashes made ASCII (what a
 * signature written with {@code '} must match), and {@code lower}, that lower-cased char by char.
 */
record FoldedText(String shown, String folded, String lower) {

    /** How much text is examined: a real error message is never further in, and a 10 MiB body stays cheap. */
    static final int MAX_CHARS = 1 << 20;

    static FoldedText of(CharSequence text) {
        Builder b = new Builder();
        b.append(text);
        return b.build();
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    int length() {
        return shown.length();
    }

    /** Appends text piece by piece (one text node at a time), folding as it goes; {@link #length} says where the next piece starts. */
    static final class Builder {

        private final StringBuilder shown = new StringBuilder();
        private final StringBuilder folded = new StringBuilder();
        private boolean pendingSpace;

        /** Appends up to {@link #MAX_CHARS} in all; false once full. */
        boolean append(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (shown.length() >= MAX_CHARS) return false;
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
                    folded.append(' ');
                    pendingSpace = false;
                }
                shown.append(c);
                folded.append(ascii(c));
            }
            return shown.length() < MAX_CHARS;
        }

        /** Ends the current word: what comes next starts after a space (a block element's edge, a {@code <br>}). */
        void space() {
            pendingSpace = !shown.isEmpty();
        }

        /** Where the next visible character will be, counting the space a pending word break will add. */
        int length() {
            return shown.length() + (pendingSpace ? 1 : 0);
        }

        boolean full() {
            return shown.length() >= MAX_CHARS;
        }

        FoldedText build() {
            String f = folded.toString();
            return new FoldedText(shown.toString(), f, lowerCharByChar(f));
        }
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
        return Character.isWhitespace(c) || Character.isSpaceChar(c); // isSpaceChar covers NBSP, U+2007, U+202F, U+3000
    }

    // Soft hyphens and zero-width characters split words on screen without showing anything.
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static char ascii(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\uFF07' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\uFF02' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> c;
        };
    }
}
