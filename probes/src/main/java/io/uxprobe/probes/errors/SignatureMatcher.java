package io.uxprobe.probes.errors;

import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signature, searched in folded text. A built-in regex is compiled the first time a page holds one of its
 * required texts: most pages open few, and compiling all ~230 cost every check ~10 ms and every agent ~0.5 MiB of heap.
 */
final class SignatureMatcher {

    /** Where a signature matched in a {@link FoldedText}. */
    record Found(int start, int end) {}

    /** Matches looked at per signature and page: the first few places a phrase appears say how the page uses it. */
    static final int MAX_FOUND = 16;

    private final String id;
    private final boolean anywhere;
    private final boolean fromUser;
    private final String literal; // a text signature, folded and lower-cased
    private final String source; // a regex signature
    private final int flags;
    private final boolean onLowerText;
    private final Set<String> gates;
    private volatile Pattern pattern; // null until first needed; compiling twice in a race is harmless

    /**
     * @param fromUser a journey file's own signature: its regex runs on a budget, so a pathological one gives up
     *     instead of hanging the probe; built-in ones are vetted, and skipped when their required literal is absent
     */
    SignatureMatcher(Signature signature, boolean fromUser) {
        this(signature.id(), signature.anywhere(), fromUser, signature instanceof Signature.Text t ? t.text() : null,
                signature instanceof Signature.Regex r ? r.regex() : null, null, 0);
    }

    /** A built-in signature. */
    static SignatureMatcher builtIn(Catalog.Entry entry) {
        if (!entry.regex()) return new SignatureMatcher(entry.id(), false, false, entry.phrase(), null, null, 0);
        // Unicode word boundaries where a phrase has letters beyond ASCII ("wystąpił"), ASCII ones (cheaper) elsewhere
        boolean ascii = true;
        for (int i = 0; i < entry.phrase().length(); i++) ascii &= entry.phrase().charAt(i) < 128;
        return new SignatureMatcher(entry.id(), false, false, null, null, entry.phrase(), ascii ? 0 : Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** A text, a compiled regex, or a regex's source and flags, to compile when first needed. */
    private SignatureMatcher(String id, boolean anywhere, boolean fromUser, String text, Pattern compiled, String regex, int regexFlags) {
        this.id = id;
        this.anywhere = anywhere;
        this.fromUser = fromUser;
        if (text != null) {
            this.literal = FoldedText.of(text).lower();
            this.source = null;
            this.flags = 0;
            this.onLowerText = true;
            this.gates = Set.of();
            return;
        }
        this.literal = null;
        this.source = compiled != null ? compiled.pattern() : regex;
        int given = compiled != null ? compiled.flags() : regexFlags;
        // A source without capitals means the same on lower-cased text, and runs there without
        // case-insensitive matching, which lets the JDK skip ahead on literal prefixes.
        this.onLowerText = isLowerCase(source);
        int caseless = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.flags = onLowerText ? given & ~caseless : given | caseless;
        this.pattern = compiled != null && flags == given ? compiled : null;
        this.gates = onLowerText && !fromUser ? RequiredLiteral.anyOf(source) : Set.of();
    }

    private static boolean isLowerCase(String source) {
        for (int i = 0; i < source.length(); i++) {
            if (Character.isUpperCase(source.charAt(i))) return false;
        }
        return true;
    }

    /** Texts one of which any match of this signature contains (empty: no such text, the regex always runs). */
    Set<String> gates() {
        return gates;
    }

    String id() {
        return id;
    }

    /** Counts wherever it is visible, mentioned or not (a journey file's {@code anywhere: true}). */
    boolean anywhere() {
        return anywhere;
    }

    boolean fromUser() {
        return fromUser;
    }

    private Pattern pattern() {
        Pattern p = pattern;
        if (p == null) pattern = p = Pattern.compile(source, flags);
        return p;
    }

    /**
     * Every place the signature matches, in text order, up to {@link #MAX_FOUND}.
     *
     * @param gateOpen false when the text holds none of {@link #gates}: then the regex need not run at all
     * @throws Deadline.Exceeded when the search ran past {@code deadline}
     */
    List<Found> findAll(FoldedText text, Deadline deadline, boolean gateOpen) {
        List<Found> found = new ArrayList<>(1);
        if (literal != null) {
            if (literal.isEmpty()) return found;
            for (int at = text.lower().indexOf(literal); at >= 0 && found.size() < MAX_FOUND; at = text.lower().indexOf(literal, at + 1)) {
                found.add(new Found(at, at + literal.length()));
            }
            return found;
        }
        if (!gateOpen) {
            return found;
        }
        String subject = onLowerText ? text.lower() : text.folded();
        // the catalog's regexes are linear, so the clock is read between signatures, and they run on the String itself
        Matcher m = fromUser ? RegexBudget.matcher(pattern(), subject, deadline) : pattern().matcher(subject);
        try {
            while (found.size() < MAX_FOUND && m.find()) {
                if (m.end() > m.start()) { // an empty match shows the user nothing
                    found.add(new Found(m.start(), m.end()));
                }
            }
        } catch (RegexBudget.Exhausted e) {
            // a pathological signature of the user's gives up rather than hang the probe: what it found stands
        }
        return found;
    }
}
