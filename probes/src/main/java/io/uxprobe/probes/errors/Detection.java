package io.uxprobe.probes.errors;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What error detection decided about a response: the message shown to the user, if any, and the mentions it saw
 * and ignored, each with the rule that made it one ({@code check --explain} prints both).
 */
public record Detection(Optional<ErrorMatch> message, List<ErrorMatch> mentions) {

    /** Nothing found, nothing ignored. */
    public static final Detection NONE = new Detection(Optional.empty(), List.of());

    public Detection {
        mentions = List.copyOf(mentions);
    }

    /** The same, with every snippet passed through {@code redact} (secret values masked). */
    public Detection redacted(UnaryOperator<String> redact) {
        if (message.isEmpty() && mentions.isEmpty()) return this;
        return new Detection(message.map(m -> redacted(m, redact)), mentions.stream().map(m -> redacted(m, redact)).toList());
    }

    private static ErrorMatch redacted(ErrorMatch m, UnaryOperator<String> redact) {
        return new ErrorMatch(m.signature(), redact.apply(m.snippet()), m.where(), m.rule(), m.why());
    }
}
