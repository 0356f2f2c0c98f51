package io.uxprobe.probes.journey;

import java.util.Optional;

/**
 * Why a step failed and what was seen. {@code detail} is for people (logs, reports, pages), already
 * redacted; {@code signature} is the error-signature id of the message the user was shown: always there for
 * {@code error_message}, and for {@code http_status} when the error page said something a signature names.
 */
public record Failure(FailureReason reason, String detail, Optional<String> signature, Optional<String> snippet) {

    public static Failure of(FailureReason reason, String detail) {
        return new Failure(reason, detail, Optional.empty(), Optional.empty());
    }

    /** The soft failure: an answer the step accepts shows the user an error message. */
    public static Failure errorMessage(String signature, String snippet) {
        return new Failure(FailureReason.ERROR_MESSAGE, "error message shown (" + signature + "): \"" + snippet + "\"",
                Optional.of(signature), Optional.of(snippet));
    }

    /** The hard failure of a status the step does not expect, with the message the page showed beside it. */
    public static Failure httpStatus(String detail, String signature, String snippet) {
        return new Failure(FailureReason.HTTP_STATUS, detail + " · the page says (" + signature + "): \"" + snippet + "\"",
                Optional.of(signature), Optional.of(snippet));
    }
}
