package io.uxprobe.probes.errors;

import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.template.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the error message a user is shown in a response: the file's own signatures first, then the built-in
 * catalog. A phrase counts only where the response presents it as a message: in HTML, visible and read as a message
 * by the {@link Reading} rules (an alert, the main message of an error page), not mentioned (quoted, in an article,
 * a list of results, code, navigation); in JSON, in the error fields a client would show; in plain text, at the
 * start of a short answer. Only the first MiB of text (the first 4 MiB of HTML markup) is examined. Thread-safe:
 * one detector serves every journey.
 */
public final class ErrorDetector {

    /** A long text answer opens with its message within this many words (a stack trace's first line, an error line). */
    static final double TEXT_LEAD_WORDS = 20;

    /** How much of a lone JSON message its error phrase must be: "Internal server error" is, "X went wrong, said nobody" is not. */
    static final double LONE_MESSAGE_SHARE = 0.7;

    /** Mentions kept for the explanation: the first few say enough. */
    static final int MAX_MENTIONS = 8;

    private final List<SignatureMatcher> matchers;
    private final Literals literals;
    private final int[][] gateIds; // per matcher: its gates' indices in literals
    private final boolean explaining;

    /** The built-in catalog read once (each regex compiled when a page first needs it) and shared by every detector. */
    private static final class Built {
        static final List<SignatureMatcher> MATCHERS = Catalog.builtIn().stream().map(SignatureMatcher::builtIn).toList();
        static final ErrorDetector CATALOG_ONLY = new ErrorDetector(MATCHERS, false);
    }

    /** A detector for the built-in catalog plus {@code own} (checked first). */
    public ErrorDetector(List<Signature> own) {
        this(Stream.concat(own.stream().map(s -> new SignatureMatcher(s, true)), Built.MATCHERS.stream()).toList(), false);
    }

    private ErrorDetector(List<SignatureMatcher> matchers, boolean explaining) {
        this.matchers = matchers;
        // loops, not streams: a check builds this once, in code that still runs interpreted
        List<String> gates = new ArrayList<>();
        for (SignatureMatcher m : matchers) gates.addAll(m.gates());
        this.literals = new Literals(gates);
        this.gateIds = new int[matchers.size()][];
        for (int m = 0; m < gateIds.length; m++) {
            gateIds[m] = new int[matchers.get(m).gates().size()];
            int g = 0;
            for (String gate : matchers.get(m).gates()) gateIds[m][g++] = literals.indexOf(gate);
        }
        this.explaining = explaining;
    }

    private ErrorDetector(ErrorDetector other, boolean explaining) {
        this.matchers = other.matchers;
        this.literals = other.literals;
        this.gateIds = other.gateIds;
        this.explaining = explaining;
    }

    /** The same detector, keeping the mentions it ignores in every {@link #read} ({@code check --explain}, {@code run -v}). */
    public ErrorDetector explaining() {
        return new ErrorDetector(this, true);
    }

    /** A detector for {@code own} signatures without the built-in catalog ({@code check --no-error-detection --fail-if-body}). */
    public static ErrorDetector only(List<Signature> own) {
        return new ErrorDetector(own.stream().map(s -> new SignatureMatcher(s, true)).toList(), false);
    }

    /** A detector for the built-in catalog alone, for a journey file without {@code errorSignatures}. */
    public static ErrorDetector catalogOnly() {
        return Built.CATALOG_ONLY;
    }

    /** @param contentType media type without parameters, lower case ({@code text/html}); may be empty */
    public Optional<ErrorMatch> detect(String contentType, String body) {
        return detect(contentType, body, Deadline.none());
    }

    /**
     * The message the user is shown, if any.
     *
     * @param contentType media type without parameters, lower case ({@code text/html}); may be empty
     * @throws Deadline.Exceeded when detection ran past {@code deadline}
     */
    public Optional<ErrorMatch> detect(String contentType, String body, Deadline deadline) {
        return read(contentType, body, deadline).message();
    }

    /**
     * The message the user is shown, if any, and, for an {@link #explaining} detector, the mentions seen and ignored on
     * the way, each with its reason.
     *
     * @param contentType media type without parameters, lower case ({@code text/html}); may be empty
     * @throws Deadline.Exceeded when detection ran past {@code deadline}
     */
    public Detection read(String contentType, String body, Deadline deadline) {
        return read(contentType, body, deadline, Redactor.none());
    }

    /**
     * As {@link #read(String, String, Deadline)}, with {@code secrets} masked in every snippet before it is cut from
     * the text, so a snippet's edge never shows part of a secret.
     */
    public Detection read(String contentType, String body, Deadline deadline, Redactor secrets) {
        return ScopedValue.where(Snippet.SECRETS, secrets).call(() -> readPage(contentType, body, deadline));
    }

    private Detection readPage(String contentType, String body, Deadline deadline) {
        boolean explain = explaining;
        return switch (ContentKind.of(contentType, body)) {
            case HTML -> inPage(HtmlPage.read(body, deadline), deadline, explain);
            case JSON -> JsonErrorFields.parse(body)
                    .map(json -> json.surfaced(contentType.endsWith("problem+json"))
                            .map(e -> inErrorField(e.text(), e.field(), e.flagged(), e.fromGraphql() ? Catalog.GRAPHQL_ERROR : Catalog.JSON_ERROR, deadline))
                            .orElse(Detection.NONE))
                    .orElseGet(() -> ContentKind.looksLikeHtml(body)
                            ? inPage(HtmlPage.read(body, deadline), deadline, explain)
                            : inText(FoldedText.of(body), deadline, explain));
            case XML -> {
                if (ContentKind.looksLikeHtml(body)) yield inPage(HtmlPage.read(body, deadline), deadline, explain);
                Document xml = XmlErrorFields.parse(body);
                Optional<XmlErrorFields.Field> error = XmlErrorFields.read(xml);
                // without an error field, its text is read as a text answer's (markup is not what a reader sees)
                yield error.isPresent()
                        ? inErrorField(error.get().text(), error.get().path(), true, Catalog.XML_ERROR, deadline)
                        : inText(FoldedText.of(xml.text()), deadline, explain);
            }
            case TEXT -> inText(FoldedText.of(body), deadline, explain);
            case NONE -> Detection.NONE;
        };
    }

    /** A match on a page, with the element it sits in. */
    private record Candidate(SignatureMatcher matcher, SignatureMatcher.Found found, Element at) {
        boolean alertOnly() {
            return matcher.id().equals(Catalog.ALERT_ERROR) && !matcher.fromUser();
        }
    }

    private Detection inPage(HtmlPage page, Deadline deadline, boolean explain) {
        FoldedText text = page.text();
        if (text.isEmpty()) return Detection.NONE;
        BitSet present = literals.in(text.lower());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            SignatureMatcher matcher = matchers.get(i);
            deadline.check();
            for (SignatureMatcher.Found f : matcher.findAll(text, deadline, open(i, present))) {
                candidates.add(new Candidate(matcher, f, page.elementAt(f.start(), f.end())));
            }
        }
        if (candidates.isEmpty()) return Detection.NONE;
        PageShape shape = PageShape.of(page); // only a page with a candidate needs its shape
        boolean agrees = topAgrees(page, shape, candidates);
        List<ErrorMatch> mentions = new ArrayList<>();
        for (Candidate c : candidates) {
            deadline.check();
            Reading.Place place = place(page, shape, c, agrees);
            Reading.Verdict v = Reading.of(place, c.alertOnly() ? Reading.ALERT_ONLY : Reading.RULES);
            SignatureMatcher.Found f = c.found();
            int[] block = v.rule().equals("alert") && !page.inTitle(f.start())
                    ? page.range(Landmarks.alert(c.at()).orElseThrow().element(), f.start())
                    : page.blockRange(c.at(), f.start());
            String where = page.inTitle(f.start()) ? "title" : ElementPath.of(c.at());
            ErrorMatch m = new ErrorMatch(c.matcher().id(), snippet(text, block, f), where, v.rule(), v.why());
            if (v.message()) return new Detection(Optional.of(m), mentions);
            // a failure word outside any alert is no phrase a signature names: not worth listing as a mention
            if (explain && mentions.size() < MAX_MENTIONS && !(c.alertOnly() && Landmarks.alert(c.at()).isEmpty())) mentions.add(m);
        }
        return new Detection(Optional.empty(), mentions);
    }

    /** A message is a short paragraph; a phrase in a long one is written about, not shown. */
    private static boolean shortBlock(HtmlPage page, Candidate c) {
        int[] block = page.blockRange(c.at(), c.found().start());
        return Words.count(page.text().shown(), block[0], Math.min(block[1], page.text().length())) <= LEAD_MESSAGE_WORDS;
    }

    /** A lead paragraph that says what went wrong is at most this long. */
    static final double LEAD_MESSAGE_WORDS = 40;

    private static Reading.Place place(HtmlPage page, PageShape shape, Candidate c, boolean agrees) {
        return new Reading.Place(page, shape, c.at(), c.found().start(), c.found().end(), c.matcher().anywhere(),
                !c.matcher().fromUser() && Catalog.isProductPage(c.matcher().id()), agrees);
    }

    /**
     * Does the page say so at its top twice: an error phrase in its title or top heading, another in its lead paragraph,
     * and the top's error not among listed items (where it would be a topic: search results for it, a record named after
     * it; an error page's table of details may list another)?
     */
    private static boolean topAgrees(HtmlPage page, PageShape shape, List<Candidate> candidates) {
        Set<String> top = new HashSet<>();
        Set<String> topIds = new HashSet<>();
        Set<String> listedIds = new HashSet<>();
        List<String> lead = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.alertOnly()) continue;
            if (Landmarks.listItem(c.at(), 3).isPresent()) {
                listedIds.add(c.matcher().id());
                continue;
            }
            int start = c.found().start();
            if (Reading.isQuoted(place(page, shape, c, false))) continue; // a headline quoting what users saw agrees with nothing
            String phrase = page.text().lower().substring(start, c.found().end());
            if (page.inTitle(start) || shape.inTopHeading(c.at())) {
                top.add(phrase);
                topIds.add(c.matcher().id());
            } else if (shape.inFollowing(c.at()) && Reading.plainProse(place(page, shape, c, false)) && shortBlock(page, c)) {
                lead.add(phrase);
            }
        }
        // the lead must say more than the title's words again: a name repeated (a game called "Gateway Timeout") agrees with nothing
        return !top.isEmpty() && lead.stream().anyMatch(phrase -> !top.contains(phrase)) && Collections.disjoint(topIds, listedIds);
    }

    // A plain-text answer is shown as it is: it is a message when it is short, or where it opens.
    private Detection inText(FoldedText text, Deadline deadline, boolean explain) {
        if (text.isEmpty()) return Detection.NONE;
        double words = Words.count(text.shown());
        BitSet present = literals.in(text.lower());
        List<ErrorMatch> mentions = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            SignatureMatcher matcher = matchers.get(i);
            deadline.check();
            if (matcher.id().equals(Catalog.ALERT_ERROR) && !matcher.fromUser()) continue; // plain text has no alerts
            for (SignatureMatcher.Found f : matcher.findAll(text, deadline, open(i, present))) {
                String snippet = Snippet.around(text.shown(), f.start(), f.end());
                double before = Words.count(text.shown(), 0, f.start());
                ErrorMatch m;
                if (matcher.anywhere()) {
                    m = new ErrorMatch(matcher.id(), snippet, "text", "anywhere", "the signature counts anywhere it is shown (anywhere: true)");
                } else if (Quotes.inText(text.shown(), f.start(), f.end())) {
                    m = new ErrorMatch(matcher.id(), snippet, "text", "quoted", "it is inside quotation marks");
                } else if (words <= PageShape.LITTLE_ELSE_WORDS) {
                    m = new ErrorMatch(matcher.id(), snippet, "text", "main_message", "the answer is a short text (" + (int) words + " words)");
                } else if (before < TEXT_LEAD_WORDS) {
                    m = new ErrorMatch(matcher.id(), snippet, "text", "main_message", "it opens the text answer");
                } else {
                    m = new ErrorMatch(matcher.id(), snippet, "text", "content",
                            "it is " + (int) before + " words into a long text answer (" + (int) words + " words), not where it opens");
                }
                if (!m.rule().equals("main_message") && !m.rule().equals("anywhere")) {
                    if (explain && mentions.size() < MAX_MENTIONS) mentions.add(m);
                    continue;
                }
                return new Detection(Optional.of(m), mentions);
            }
        }
        return new Detection(Optional.empty(), mentions);
    }

    /**
     * A JSON or XML error field is a message the client shows whatever it says; a signature only names it better.
     *
     * @param flagged the answer says it is an error; else only a signature makes a lone message one
     * @param fallbackId the id when no signature names the message
     */
    private Detection inErrorField(String errorText, String field, boolean flagged, String fallbackId, Deadline deadline) {
        FoldedText text = FoldedText.of(errorText);
        BitSet present = literals.in(text.lower());
        String why = "it is the answer's error field, which a client shows its user";
        for (int i = 0; i < matchers.size(); i++) {
            SignatureMatcher matcher = matchers.get(i);
            if (matcher.id().equals(Catalog.ALERT_ERROR) && !matcher.fromUser()) continue;
            List<SignatureMatcher.Found> found = matcher.findAll(text, deadline, open(i, present));
            // a lone {"message": …} is an error only when the message is the error phrase, not a sentence with one in it
            if (!flagged && !found.isEmpty() && found.getFirst().end() - found.getFirst().start() < LONE_MESSAGE_SHARE * text.length()) {
                continue;
            }
            if (!found.isEmpty()) {
                SignatureMatcher.Found f = found.getFirst();
                return message(new ErrorMatch(matcher.id(), Snippet.around(text.shown(), f.start(), f.end()), field, "error_field", why));
            }
        }
        if (!flagged) return Detection.NONE; // a lone message no signature names: {"message": "Track saved"}
        return message(new ErrorMatch(fallbackId, Snippet.head(text.shown()), field, "error_field", why));
    }

    /** May matcher {@code m} match at all: it has no gates, or the text holds one of them? */
    private boolean open(int m, BitSet present) {
        int[] gates = gateIds[m];
        if (gates.length == 0) return true;
        for (int g : gates) {
            if (present.get(g)) return true;
        }
        return false;
    }

    private static Detection message(ErrorMatch m) {
        return new Detection(Optional.of(m), List.of());
    }

    private static String snippet(FoldedText text, int[] block, SignatureMatcher.Found f) {
        String within = text.shown().substring(block[0], Math.max(block[0], Math.min(block[1], text.length())));
        int start = Math.max(0, f.start() - block[0]);
        int end = Math.min(within.length(), f.end() - block[0]);
        // cut within the match's own paragraph (or alert), so the snippet never runs into the title or a neighbour
        return f.start() >= block[0] && f.end() <= block[1] ? Snippet.around(within, start, end) : Snippet.around(text.shown(), f.start(), f.end());
    }
}
