package io.uxprobe.probes.errors;

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

    Optional<Found> find(FoldedText text) {
        if (pattern == null) {
            int at = literal.isEmpty() ? -1 : text.lower().indexOf(literal);
            return at < 0 ? Optional.empty() : Optional.of(new Found(at, at + literal.length()));
        }
        if (!gate.isEmpty() && !text.lower().contains(gate)) {
            return Optional.empty();
        }
        String subject = onLowerText ? text.lower() : text.shown();
        CharSequence input = fromUser ? new Budgeted(subject) : subject;
        Matcher m = pattern.matcher(input);
        try {
            while (m.find()) {
                if (m.end() > m.start()) { // an empty match shows the user nothing
                    return Optional.of(new Found(m.start(), m.end()));
                }
            }
        } catch (Budgeted.Exhausted e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Text that lets a regex read each char a bounded number of times on average: enough for any sane
     * signature, and a stop for catastrophic backtracking such as {@code (a+)+$}.
     */
    private static final class Budgeted implements CharSequence {

        private static final long READS_PER_CHAR = 128;
        private static final long MIN_READS = 1_000_000;

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private long readsLeft;

        Budgeted(String text) {
            this.text = text;
            this.readsLeft = Math.max(MIN_READS, READS_PER_CHAR * text.length());
        }

        @Override
        public char charAt(int index) {
            if (--readsLeft < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
