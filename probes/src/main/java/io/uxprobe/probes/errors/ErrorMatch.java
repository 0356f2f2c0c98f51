package io.uxprobe.probes.errors;

/**
 * An error phrase found in a response, and how it was read.
 *
 * @param signature the signature that matched (a metric label)
 * @param snippet a short excerpt of what the user saw around it (not yet redacted)
 * @param where where it sits: an element path ({@code main > div[role=alert] > p}), {@code title}, or the part of a
 *     JSON or text answer
 * @param rule the reading rule that decided, such as {@code alert} or {@code quoted}
 * @param why the rule's reason, in its own words
 */
public record ErrorMatch(String signature, String snippet, String where, String rule, String why) {}
