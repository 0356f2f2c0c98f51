package io.uxprobe.probes.errors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain texts a regex cannot match without one of, such as {@code "maintenance"} in
 * {@code \b(?:down|offline) for maintenance\b}, or either of {@code "bad gateway"} and {@code "gateway timeout"} in
 * {@code bad gateway|gateway timeout}. Looking for them with {@code indexOf} first skips the regex on the pages that
 * cannot match: a leading {@code \b} or group stops the JDK's own fast literal scan, and most pages hold no error
 * phrase at all.
 */
final class RequiredLiteral {

    /** Shorter texts are too common to skip anything. */
    private static final int MIN_LENGTH = 3;

    private RequiredLiteral() {}

    /** The texts, one of which every match contains; empty when none is certain (or the syntax is beyond this reading). */
    static Set<String> anyOf(String regex) {
        if (regex.contains("\\Q") || hasInlineFlags(regex)) {
            return Set.of(); // quoting and inline flags change what the characters mean
        }
        try {
            return alternatives(regex, 0, regex.length());
        } catch (RuntimeException unexpected) {
            return Set.of();
        }
    }

    /** The longest single text, for the simple case (kept for readers of one literal). */
    static String of(String regex) {
        Set<String> any = anyOf(regex);
        return any.size() == 1 ? any.iterator().next() : "";
    }

    private static boolean hasInlineFlags(String regex) {
        for (int i = 0; i + 2 < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == '(' && regex.charAt(i + 1) == '?' && Character.isLetter(regex.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** One branch of {@code a|b|c} must match: the union of the branches' requirements, or nothing if one has none. */
    private static Set<String> alternatives(String re, int from, int to) {
        Set<String> union = new LinkedHashSet<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? re.charAt(i) : '|';
            if (i < to && c == '\\') {
                i++;
            } else if (i < to && c == '[') {
                i = endOfClass(re, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                Set<String> branch = sequence(re, start, i);
                if (branch.isEmpty()) return Set.of();
                union.addAll(branch);
                start = i + 1;
            }
        }
        return union;
    }

    /** Everything in a sequence must match: its most selective requirement (a text, or one of a mandatory group's). */
    private static Set<String> sequence(String re, int from, int to) {
        List<Set<String>> requirements = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char next = re.charAt(++i);
                if (!Character.isLetterOrDigit(next)) {
                    i = quantified(re, i, to, next, run, requirements);
                    continue;
                }
                i = skipQuantifier(re, i, to);
                end(run, requirements); // \b, \d, \1…: not a literal
            } else if (c == '[') {
                i = skipQuantifier(re, endOfClass(re, i), to);
                end(run, requirements);
            } else if (c == '(') {
                int close = closing(re, i, to);
                boolean mandatory = close + 1 >= to || !isOptional(re.charAt(close + 1), re, close + 1);
                int innerFrom = i + 1;
                boolean look = false;
                if (re.startsWith("?:", innerFrom)) innerFrom += 2;
                else if (re.startsWith("?=", innerFrom) || re.startsWith("?!", innerFrom) || re.startsWith("?<=", innerFrom)
                        || re.startsWith("?<!", innerFrom)) look = true;
                else if (re.startsWith("?<", innerFrom)) innerFrom = re.indexOf('>', innerFrom) + 1;
                end(run, requirements);
                if (mandatory && !look) {
                    Set<String> inner = alternatives(re, innerFrom, close);
                    if (!inner.isEmpty()) requirements.add(inner);
                }
                i = skipQuantifier(re, close, to);
            } else if (c == '.' || c == '^' || c == '$') {
                i = skipQuantifier(re, i, to);
                end(run, requirements);
            } else if (c == '?' || c == '*' || c == '+' || c == '{') {
                throw new IllegalStateException("quantifier without an atom"); // handled where the atom is read
            } else {
                i = quantified(re, i, to, c, run, requirements);
            }
        }
        end(run, requirements);
        Set<String> best = Set.of();
        int bestShortest = 0;
        for (Set<String> r : requirements) {
            int shortest = shortest(r);
            if (shortest >= MIN_LENGTH && shortest > bestShortest) {
                best = r;
                bestShortest = shortest;
            }
        }
        return best;
    }

    // Plain loops, not streams: every check reads the catalog's regexes once at its start, while the code still runs
    // interpreted, where a stream pipeline costs several times a loop.

    /** The weight of the least selective of {@code texts}: a requirement is only as selective as its weakest choice. */
    private static int shortest(Set<String> texts) {
        int min = Integer.MAX_VALUE;
        for (String t : texts) min = Math.min(min, weight(t));
        return texts.isEmpty() ? 0 : min;
    }

    /** How selective a text is: its length, an ideograph, kana or hangul counting as two (they are words of their own). */
    private static int weight(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) w += text.charAt(i) >= 0x2E80 ? 2 : 1;
        return w;
    }

    /** Appends a literal char, minding a quantifier after it; returns the index of the last char read. */
    private static int quantified(String re, int i, int to, char c, StringBuilder run, List<Set<String>> requirements) {
        if (i + 1 < to && isOptional(re.charAt(i + 1), re, i + 1)) {
            end(run, requirements); // the char may be absent
            return skipQuantifier(re, i, to);
        }
        run.append(c);
        if (i + 1 < to && (re.charAt(i + 1) == '+' || re.charAt(i + 1) == '{')) {
            end(run, requirements); // present, maybe repeated: the run stops here
            return skipQuantifier(re, i, to);
        }
        return i;
    }

    /** Does the quantifier at {@code at} allow zero repetitions? */
    private static boolean isOptional(char q, String re, int at) {
        if (q == '?' || q == '*') return true;
        if (q == '{') return re.startsWith("{0", at);
        return false;
    }

    /** The index of the quantifier's last char after the atom ending at {@code atomEnd}, or {@code atomEnd}. */
    private static int skipQuantifier(String re, int atomEnd, int to) {
        int i = atomEnd + 1;
        if (i >= to) return atomEnd;
        char q = re.charAt(i);
        if (q == '{') i = re.indexOf('}', i);
        else if (q != '?' && q != '*' && q != '+') return atomEnd;
        if (i + 1 < to && (re.charAt(i + 1) == '?' || re.charAt(i + 1) == '+')) i++; // lazy or possessive
        return i;
    }

    private static void end(StringBuilder run, List<Set<String>> requirements) {
        if (!run.isEmpty()) requirements.add(Set.of(run.toString()));
        run.setLength(0);
    }

    private static int closing(String re, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(re, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced group");
    }

    private static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++; // "[]…]" and "[^]…]" start with a literal ']'
        }
        for (; i < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == ']') {
                return i;
            }
        }
        return regex.length();
    }
}
