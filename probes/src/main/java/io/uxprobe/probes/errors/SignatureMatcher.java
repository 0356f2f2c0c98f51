package io.uxprobe.probes.errors;

import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signature, compiled once, searched in folded text. */
final class SignatureMatcher {

    /** Where a signature matched in a {@link FoldedText}. */
    record Found(int start, int end) {}

    /** Matches looked at per signature and page: the first few places a phrase appears say how the page uses it. */
    static final int MAX_FOUND = 16;

    private final Signature signature;
    private final String literal; // a text signature, folded and lower-cased
    private final Pattern pattern;
    private final boolean onLowerText;
    private final Set<String> gates;
    private final boolean fromUser;

    /**
     * @param fromUser a journey file's own signature: its regex runs on a budget, so a pathological one gives up
     *     instead of hanging the probe; built-in ones are vetted, and skipped when their required literal is absent
     */
    SignatureMatcher(Signature signature, boolean fromUser) {
        this.signature = signature;
        this.fromUser = fromUser;
        switch (signature) {
            case Signature.Text t -> {
                this.literal = FoldedText.of(t.text()).lower();
                this.pattern = null;
                this.onLowerText = true;
                this.gates = Set.of();
            }
            case Signature.Regex r -> {
                String source = r.regex().pattern();
                this.literal = null;
                // A source without capitals means the same on lower-cased text, and runs there without
                // case-insensitive matching, which lets the JDK skip ahead on literal prefixes.
                this.onLowerText = source.chars().noneMatch(Character::isUpperCase);
                int caseless = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                int flags = onLowerText ? r.regex().flags() & ~caseless : r.regex().flags() | caseless;
                this.pattern = Pattern.compile(source, flags);
                this.gates = onLowerText && !fromUser ? RequiredLiteral.anyOf(source) : Set.of();
            }
        }
    }

    /** Texts one of which any match of this signature contains (empty: no such text, the regex always runs). */
    Set<String> gates() {
        return gates;
    }

    Signature signature() {
        return signature;
    }

    String id() {
        return signature.id();
    }

    boolean fromUser() {
        return fromUser;
    }

    /**
     * Every place the signature matches, in text order, up to {@link #MAX_FOUND}.
     *
     * @param gateOpen false when the text holds none of {@link #gates}: then the regex need not run at all
     * @throws Deadline.Exceeded when the search ran past {@code deadline}
     */
    List<Found> findAll(FoldedText text, Deadline deadline, boolean gateOpen) {
        List<Found> found = new ArrayList<>(1);
        if (pattern == null) {
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
        Matcher m = fromUser ? RegexBudget.matcher(pattern, subject, deadline) : pattern.matcher(subject);
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
