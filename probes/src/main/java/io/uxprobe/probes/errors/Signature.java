package io.uxprobe.probes.errors;

import java.util.regex.Pattern;

/**
 * A message that, shown to a user, means the service is broken. {@code id} is stable: it is a metric label.
 * A {@code text} signature matches literally with case and whitespace folded; a {@code regex} one is searched
 * in the folded text too, case-insensitively.
 */
public sealed interface Signature {

    String id();

    record Text(String id, String text) implements Signature {}

    record Regex(String id, Pattern regex) implements Signature {}
}
