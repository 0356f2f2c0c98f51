package io.uxprobe.probes.errors;

import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signature, compiled once, searched in folded text. */
final class SignatureMatcher {

    /** Where a signature matched in a {@link FoldedText}. */
    record Found(int start, int end) {}

    private final Signature signature;
    private final String literal; // a text signature, folded and lower-cased
    private final Pattern pattern;
    private final boolean onLowerText;
    private final String gate;
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
                this.gate = "";
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
                this.gate = onLowerText && !fromUser ? RequiredLiteral.of(source) : "";
            }
        }
    }

    String id() {
        return signature.id();
    }

    /** @throws Deadline.Exceeded when the search ran past {@code deadline} */
    Optional<Found> find(FoldedText text, Deadline deadline) {
        if (pattern == null) {
            int at = literal.isEmpty() ? -1 : text.lower().indexOf(literal);
            return at < 0 ? Optional.empty() : Optional.of(new Found(at, at + literal.length()));
        }
        if (!gate.isEmpty() && !text.lower().contains(gate)) {
            return Optional.empty();
        }
        String subject = onLowerText ? text.lower() : text.shown();
        Matcher m = fromUser ? RegexBudget.matcher(pattern, subject, deadline) : pattern.matcher(deadline.guard(subject));
        try {
            while (m.find()) {
                if (m.end() > m.start()) { // an empty match shows the user nothing
                    return Optional.of(new Found(m.start(), m.end()));
                }
            }
        } catch (RegexBudget.Exhausted e) {
            return Optional.empty(); // a pathological signature of the user's gives up rather than hang the probe
        }
        return Optional.empty();
    }
}
