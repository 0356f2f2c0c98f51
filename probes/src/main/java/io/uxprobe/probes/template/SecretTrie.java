package io.uxprobe.probes.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secrets by their characters, searched in text where each character may be written as a server would echo it:
 * as is, {@code %XX}-encoded (its UTF-8 bytes, either case), JSON-escaped ({@code \"}, {@code \\}, {@code \/},
 * {@code \n}, {@code \u00e9}, surrogate pairs), and a space as {@code +}. A run of whitespace in a secret matches
 * any run of whitespace, written any of those ways: pages fold it, and editors change tabs to spaces.
 */
final class SecretTrie {

    /** The edge for a run of whitespace. */
    private static final int SPACE = -1;

    private static final class Node {
        final Map<Integer, Node> next = new HashMap<>(2);
        /** Reached over a run of whitespace: more whitespace stays here. */
        final boolean afterSpace;
        boolean secretEnds;

        Node(boolean afterSpace) {
            this.afterSpace = afterSpace;
        }
    }

    private final Node root;

    private SecretTrie(Node root) {
        this.root = root;
    }

    static SecretTrie of(List<String> secrets) {
        Node root = new Node(false);
        for (String secret : secrets) {
            // whitespace around a secret is not part of what identifies it
            String s = secret.strip();
            if (s.isEmpty()) continue;
            Node at = root;
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                if (isSpace(c)) {
                    while (i < s.length() && isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
                    at = at.next.computeIfAbsent(SPACE, k -> new Node(true));
                } else {
                    at = at.next.computeIfAbsent(c, k -> new Node(false));
                }
            }
            at.secretEnds = true;
        }
        return new SecretTrie(root);
    }

    /** A place in the trie, and where in the text the next character starts. */
    private record State(Node node, int at) {}

    /** Where the longest secret that starts at {@code from} ends, or -1 when none starts there. */
    int longestAt(CharSequence text, int from) {
        int first = Character.codePointAt(text, from);
        // most places start no secret in any form: tell at once, without decoding
        if (first != '%' && first != '\\' && !root.next.containsKey(first)) return -1;
        int longest = -1;
        Set<State> states = Set.of(new State(root, from));
        while (!states.isEmpty()) {
            Set<State> next = new LinkedHashSet<>();
            for (State state : states) {
                for (long token : tokensAt(text, state.at())) {
                    int c = (int) (token >>> 32);
                    int end = (int) token;
                    Node node = state.node();
                    Node child = isSpace(c) ? (node.afterSpace ? node : node.next.get(SPACE)) : node.next.get(c);
                    if (child == null) continue;
                    if (child.secretEnds) longest = Math.max(longest, end);
                    next.add(new State(child, end));
                }
            }
            states = next;
        }
        return longest;
    }

    /**
     * The characters {@code text} may mean at {@code at}, each with where it ends, packed as (code point, end): the
     * character as written, a {@code %}-encoded one, a JSON escape, a {@code +} for a space.
     */
    private static List<Long> tokensAt(CharSequence text, int at) {
        if (at >= text.length()) return List.of();
        List<Long> tokens = new ArrayList<>(2);
        int c = Character.codePointAt(text, at);
        tokens.add(token(c, at + Character.charCount(c)));
        if (c == '+') tokens.add(token(' ', at + 1));
        if (c == '%') percent(text, at, tokens);
        if (c == '\\') jsonEscape(text, at, tokens);
        return tokens;
    }

    private static long token(int codePoint, int end) {
        return ((long) codePoint << 32) | end;
    }

    /** {@code %XX}, or the {@code %XX%XX…} of one UTF-8 character. */
    private static void percent(CharSequence text, int at, List<Long> tokens) {
        int b0 = hexByte(text, at);
        if (b0 < 0) return;
        int length = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
        if (length == 0) return;
        int c = length == 1 ? b0 : b0 & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int b = hexByte(text, at + 3 * i);
            if (b < 0 || (b & 0xC0) != 0x80) return;
            c = (c << 6) | (b & 0x3F);
        }
        if (Character.isValidCodePoint(c)) tokens.add(token(c, at + 3 * length));
    }

    /** The byte {@code %XX} at {@code at}, or -1. */
    private static int hexByte(CharSequence text, int at) {
        if (at + 2 >= text.length() || text.charAt(at) != '%') return -1;
        int hi = Character.digit(text.charAt(at + 1), 16);
        int lo = Character.digit(text.charAt(at + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    private static void jsonEscape(CharSequence text, int at, List<Long> tokens) {
        if (at + 1 >= text.length()) return;
        int simple = switch (text.charAt(at + 1)) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> -1;
        };
        if (simple >= 0) {
            tokens.add(token(simple, at + 2));
            return;
        }
        int unit = unicodeEscape(text, at);
        if (unit < 0) return;
        if (Character.isHighSurrogate((char) unit)) {
            int low = unicodeEscape(text, at + 6);
            if (low >= 0 && Character.isLowSurrogate((char) low)) tokens.add(token(Character.toCodePoint((char) unit, (char) low), at + 12));
            return;
        }
        tokens.add(token(unit, at + 6));
    }

    /** The UTF-16 unit of {@code \}{@code uXXXX} at {@code at}, or -1. */
    private static int unicodeEscape(CharSequence text, int at) {
        if (at + 5 >= text.length() || text.charAt(at) != '\\' || text.charAt(at + 1) != 'u') return -1;
        int unit = 0;
        for (int i = 2; i < 6; i++) {
            int d = Character.digit(text.charAt(at + i), 16);
            if (d < 0) return -1;
            unit = unit << 4 | d;
        }
        return unit;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
