package io.uxprobe.probes.errors;

import java.util.regex.Pattern;

/**
 * A message that, shown to a user, means the service is broken. {@code id} is stable: it is a metric label.
 * A {@code text} signature matches literally with case and whitespace folded; a {@code regex} one is searched
 * in the folded text too, case-insensitively. A signature counts only where the page presents it as a message
 * (an alert, the main message of an error page), unless it is {@code anywhere}: then anywhere in the visible text.
 */
public sealed interface Signature {

    String id();

    /** Counts wherever it is visible, mentioned or not (a journey file's {@code anywhere: true}). */
    boolean anywhere();

    record Text(String id, String text, boolean anywhere) implements Signature {
        public Text(String id, String text) {
            this(id, text, false);
        }
    }

    record Regex(String id, Pattern regex, boolean anywhere) implements Signature {
        public Regex(String id, Pattern regex) {
            this(id, regex, false);
        }
    }
}
