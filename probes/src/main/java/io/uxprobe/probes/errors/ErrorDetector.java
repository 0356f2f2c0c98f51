package io.uxprobe.probes.errors;

import java.util.List;
import java.util.Optional;

/**
 * Finds error messages a user would be shown in a response: the file's own signatures first, then the built-in
 * catalog. In HTML only visible text counts; in JSON only the error fields a client would surface.
 */
public final class ErrorDetector {

    private final List<Signature> signatures;

    /** A detector for the built-in catalog plus {@code own} (checked first). */
    public ErrorDetector(List<Signature> own) {
        this.signatures = List.copyOf(own);
    }

    /** @param contentType media type without parameters, lower case ({@code text/html}); may be empty */
    public Optional<ErrorMatch> detect(String contentType, String body) {
        throw new UnsupportedOperationException("TODO: errors helper implements this");
    }
}
