package io.uxprobe.probes.errors;

import io.uxprobe.probes.template.Redactor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds error messages a user would be shown in a response: the file's own signatures first, then the built-in
 * catalog. In HTML only visible text counts; in JSON only the error fields a client would surface. Only the first
 * MiB of text (the first 4 MiB of HTML markup) is examined: a message further in is not one a user reads, and a
 * huge body stays cheap. Thread-safe: one detector serves every journey.
 */
public final class ErrorDetector {

    private static final ErrorDetector CATALOG_ONLY = new ErrorDetector(List.of());

    private final List<SignatureMatcher> matchers;

    /** A detector for the built-in catalog plus {@code own} (checked first). */
    public ErrorDetector(List<Signature> own) {
        this.matchers = Stream.concat(
                        own.stream().map(s -> new SignatureMatcher(s, true)),
                        Catalog.builtIn().stream().map(s -> new SignatureMatcher(s, false)))
                .toList();
    }

    /** A detector for the built-in catalog alone, for a journey file without {@code errorSignatures}. */
    public static ErrorDetector catalogOnly() {
        return CATALOG_ONLY;
    }

    /** @param contentType media type without parameters, lower case ({@code text/html}); may be empty */
    public Optional<ErrorMatch> detect(String contentType, String body) {
        return detect(contentType, body, Redactor.none());
    }

    /**
     * As {@link #detect(String, String)}, with {@code secrets} masked in the text before it is folded and cut into
     * the snippet: a snippet never shows part of a secret, nor one whose whitespace folding changed.
     */
    public Optional<ErrorMatch> detect(String contentType, String body, Redactor secrets) {
        return switch (ContentKind.of(contentType, body)) {
            case HTML -> inText(VisibleText.of(body), secrets);
            case JSON -> JsonErrorFields.parse(body)
                    .map(json -> json.surfaced(contentType.endsWith("problem+json")).flatMap(e -> inJsonError(e, secrets)))
                    .orElseGet(() -> inText(ContentKind.looksLikeHtml(body) ? VisibleText.of(body) : body, secrets));
            case TEXT -> inText(body, secrets);
            case NONE -> Optional.empty();
        };
    }

    private Optional<ErrorMatch> inText(String text, Redactor secrets) {
        return firstMatch(folded(text, secrets));
    }

    /** The text as signatures see it, secrets masked first; only what folding examines is masked. */
    private static FoldedText folded(String text, Redactor secrets) {
        // room past the cut for a secret that straddles it, which folding then leaves out
        int examined = FoldedText.MAX_CHARS + 4096;
        return FoldedText.of(secrets.redact(text.length() > examined ? text.substring(0, examined) : text));
    }

    // A JSON error field is a message the client shows whatever it says; a signature only names it better.
    private Optional<ErrorMatch> inJsonError(JsonErrorFields.Surfaced error, Redactor secrets) {
        FoldedText text = folded(error.text(), secrets);
        String fallbackId = error.fromGraphql() ? Catalog.GRAPHQL_ERROR : Catalog.JSON_ERROR;
        return firstMatch(text).or(() -> Optional.of(new ErrorMatch(fallbackId, Snippet.head(text.shown()))));
    }

    private Optional<ErrorMatch> firstMatch(FoldedText text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (SignatureMatcher matcher : matchers) {
            Optional<SignatureMatcher.Found> found = matcher.find(text);
            if (found.isPresent()) {
                return Optional.of(new ErrorMatch(matcher.id(), Snippet.around(text.shown(), found.get().start(), found.get().end())));
            }
        }
        return Optional.empty();
    }
}
