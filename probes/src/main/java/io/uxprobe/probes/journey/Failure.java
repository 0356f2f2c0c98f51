package io.uxprobe.probes.journey;

import java.util.Optional;

/**
 * Why a step failed and what was seen. {@code detail} is for people (logs, reports, pages), already
 * redacted; {@code signature} is the error-signature id when the reason is {@code error_message}.
 */
public record Failure(FailureReason reason, String detail, Optional<String> signature, Optional<String> snippet) {

    public static Failure of(FailureReason reason, String detail) {
        return new Failure(reason, detail, Optional.empty(), Optional.empty());
    }

    public static Failure errorMessage(String signature, String snippet) {
        return new Failure(FailureReason.ERROR_MESSAGE, "error message shown (" + signature + "): \"" + snippet + "\"",
                Optional.of(signature), Optional.of(snippet));
    }
}
