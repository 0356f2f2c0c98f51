package io.uxprobe.probes.errors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * How a person reads a phrase where it stands on a page: shown to them as a message, or mentioned in the page's
 * content. Each rule asks one question of the place and answers in its own words; the first rule that answers
 * decides. The rules read structure (alerts, headings, quotations, navigation, lists, articles), never which product
 * served the page.
 */
final class Reading {

    /** A rule's answer: a message shown to the user, or a mention, with the rule's name and its reason. */
    record Verdict(boolean message, String rule, String why) {}

    /**
     * Where a signature matched: the page, its shape, the element the phrase sits in, and how its signature counts.
     *
     * @param anywhere the signature counts wherever it is visible ({@code anywhere: true})
     * @param productPage the signature is a product's own error page wording (a CDN's, a framework's)
     * @param topAgrees the page's title or top heading and its lead paragraph both show error phrases, and no listed item
     *     repeats one (a search for the phrase, a record named after it)
     */
    record Place(HtmlPage page, PageShape shape, Element element, int start, int end, boolean anywhere, boolean productPage,
            boolean topAgrees) {}

    /** One question about a place; {@code why} answers it, empty when the rule has nothing to say. */
    record Rule(String name, boolean message, Function<Place, Optional<String>> why) {
        Optional<Verdict> apply(Place p) {
            return why.apply(p).map(reason -> new Verdict(message, name, reason));
        }
    }

    /** The rules, in the order they are asked. */
    static final List<Rule> RULES = List.of(
            new Rule("anywhere", true, p -> p.anywhere()
                    ? Optional.of("the signature counts anywhere it is shown (anywhere: true)") : Optional.empty()),
            new Rule("code", false, p -> Landmarks.code(p.element())
                    // an error code's line in an alert ("<p class=code>Error code: 3016") is part of the message
                    .filter(code -> !code.byName() || Landmarks.alert(p.element()).isEmpty())
                    .filter(code -> codeSample(p, code.element()))
                    .map(code -> "it is in a code sample (" + code.what() + ")")),
            new Rule("example", false, p -> Landmarks.example(p.element())
                    .map(ex -> "it is in an example (" + ex.what() + ")")),
            new Rule("placeholder", false, p -> placeholder(p) ? Optional.of("it sits beside placeholder text (lorem ipsum): a specimen, not a message")
                    : Optional.empty()),
            new Rule("quoted", false, Reading::quoted),
            new Rule("searched", false, p -> p.shape().searchedFor(p.page().text().lower().substring(p.start(), p.end()))
                    ? Optional.of("it repeats what was searched for (the page's search field holds it)") : Optional.empty()),
            new Rule("resolved", false, p -> Landmarks.alert(p.element())
                    .filter(alert -> saysResolved(alert.element()))
                    .map(alert -> "it is in a notice that the problem is over (" + alert.what() + ")")),
            new Rule("alert", true, p -> Landmarks.alert(p.element())
                    // a notice styled as one inside an article or a status history is content; an ARIA alert is announced anyway
                    .filter(alert -> !alert.byName() || Landmarks.post(alert.element()).isEmpty())
                    // a status styled as a failure inside a listed record ("Failed" pill in a deployments table) is that record's
                    .filter(alert -> !alert.byName() || alert.element().parent() == null
                            || Landmarks.listItem(alert.element().parent(), 3).filter(item -> item.what().startsWith("<")).isEmpty())
                    .map(alert -> "it is inside an alert (" + alert.what() + ")")),
            new Rule("navigation", false, p -> Landmarks.chrome(p.element())
                    .map(nav -> "it is in the page's navigation, header or footer (" + nav.what() + ")")),
            new Rule("link", false, p -> Landmarks.link(p.element()).map(a -> "it is the text of a link")),
            new Rule("form", false, p -> Landmarks.control(p.element()).map(c -> "it is part of a form control (" + c.what() + ")")),
            new Rule("main_message", true, Reading::atTheTop),
            new Rule("list_item", false, p -> Landmarks.listItem(p.element(), 3)
                    .map(item -> "it is one item among others in a list (" + item.what() + ")")),
            new Rule("post", false, p -> Landmarks.post(p.element())
                    // an error page's layout may name its box "article": such a class counts on content pages, <article> and a
                    // user's post or comment anywhere
                    // (a server's own error output, a PHP fatal error, is never what a user wrote outside code or quotes)
                    .filter(post -> !post.byName() || Landmarks.usersPost(post) && !p.productPage() || p.shape().content().isPresent())
                    .map(post -> "it is in the text of an article, post or comment (" + post.what() + ")")),
            new Rule("addressed", true, Reading::addressed),
            new Rule("main_message", true, Reading::inTheBody),
            new Rule("content", false, p -> Optional.of(p.shape().content()
                    .map(kind -> "it is in the content of a content page (" + kind + "), not presented as a message")
                    .orElse("it is in the body of a page with more to read (" + words(p)
                            + "), not in an alert, the title, the top heading or the lead"))));

    /** Rules for {@code alert_error}: a failure word counts only inside an alert. */
    static final List<Rule> ALERT_ONLY = Stream.of(
            RULES.stream().filter(r -> Set.of("code", "example", "placeholder", "quoted", "searched", "resolved").contains(r.name())),
            // a bare failure word in a question asks about one ("Looking for help with an error code?"); a signature's phrase is no question
            Stream.of(new Rule("question", false, p -> asks(p) ? Optional.of("it is in a question, not a report of a failure") : Optional.empty())),
            RULES.stream().filter(r -> r.name().equals("alert")),
            Stream.of(new Rule("not_alert", false, p -> Optional.of("a failure word outside any alert")))).flatMap(r -> r).toList();

    /** Does the alert or block holding the phrase also hold placeholder text? Design systems show their components so. */
    private static boolean placeholder(Place p) {
        Element around = Landmarks.alert(p.element()).map(Landmarks.Found::element).orElse(p.element());
        String text = around.text();
        return text.length() < 2000 && text.toLowerCase(Locale.ROOT).contains("lorem ipsum");
    }

    /** Does the sentence holding the phrase end with a question mark? */
    private static boolean asks(Place p) {
        String text = p.page().text().shown();
        int end = Math.min(p.page().blockRange(p.element(), p.start())[1], text.length());
        for (int i = p.end(); i < end; i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '\uFF1F') return true;
            if (c == '.' || c == '!' || c == '\u3002' || c == '\uFF01') return false;
        }
        return false;
    }

    // a status notice about a problem that is over: "Resolved: Elevated 502 errors…", "This incident has been resolved"
    private static final Pattern RESOLVED = Pattern.compile(
            "^\\W*(?:resolved|fixed|recovered|restored)\\b|\\b(?:has|have) been (?:resolved|fixed|restored|mitigated)\\b|\\bis (?:now )?resolved\\b"
                    + "|\\bback to normal\\b|^\\W*(?:behoben|gelöst|résolu|resuelto|risolto|resolvido|opgelost|rozwiązan[ey]|löst|åtgärdat|çözüldü)\\b"
                    + "|^\\W*(?:解決済み|復旧|해결됨|已解决|已解決|已恢复)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Does the notice say the problem it reports is over? Only its opening is read: a notice says so first. */
    private static boolean saysResolved(Element alert) {
        String text = alert.text();
        return RESOLVED.matcher(text.length() > 300 ? text.substring(0, 300) : text).find();
    }

    private Reading() {}

    /** Is the phrase in running text: not a heading, code, an example, a quotation, navigation, a link, a form or a list item? */
    static boolean plainProse(Place p) {
        if (Landmarks.isHeading(p.element()) || p.element().closest(IN_HEADING) != null) return false;
        for (Rule r : RULES) {
            if (MENTIONS_IN_PROSE.contains(r.name()) && r.apply(p).isPresent()) return false;
        }
        // a box named "article" is layout on a page that is not written to be read (an error page that lists articles to read instead)
        // and an <article> that holds the page's top heading is the page itself (an error page laid out as a story)
        return Landmarks.post(p.element())
                .filter(post -> !post.byName() || p.shape().written().isPresent())
                .filter(post -> !p.shape().holdsTopHeading(post.element()))
                .isEmpty();
    }

    private static final Evaluator IN_HEADING = QueryParser.parse("h1, h2, h3, h4, h5, h6, [role=heading]");

    private static final Set<String> MENTIONS_IN_PROSE = Set.of("code", "example", "quoted", "navigation", "link", "form", "list_item");

    static Verdict of(Place p, List<Rule> rules) {
        for (Rule r : rules) {
            Optional<Verdict> v = r.apply(p);
            if (v.isPresent()) return v.get();
        }
        throw new IllegalStateException("the last rule always answers");
    }

    /**
     * The page's own message at its top (title, top heading, lead): on a page written to be read it never is; on a
     * product's own error page, or where the title or heading and the lead agree, it is; otherwise only on a page with
     * little else that lists nothing.
     */
    private static Optional<String> atTheTop(Place p) {
        String where = p.page().inTitle(p.start()) ? "it is in the tab's title"
                : p.shape().inTopHeading(p.element()) ? "it is the page's top heading" : null;
        return where == null ? Optional.empty() : errorPage(p, where);
    }

    /** Below the top: in the lead, or anywhere on a page with little else. */
    private static Optional<String> inTheBody(Place p) {
        if (p.page().inTitle(p.start()) || p.shape().inTopHeading(p.element())) return Optional.empty(); // the top was asked above
        return errorPage(p, p.shape().inLead(p.start()) ? "it is in the page's lead" : "it is on the page");
    }

    private static Optional<String> errorPage(Place p, String where) {
        PageShape shape = p.shape();
        if (shape.written().isPresent()) return Optional.empty();
        boolean atTop = !where.equals("it is on the page");
        if (p.productPage() && atTop) return Optional.of(where + " of a server's or platform's own error page (" + words(p) + ")");
        if (p.topAgrees() && atTop) {
            return Optional.of(where + ", and the page's title or top heading and the paragraph under it both show an error");
        }
        if (shape.listing().isPresent() || !shape.littleElse()) return Optional.empty();
        if (atTop && !where.equals("it is in the page's lead") && !namesTheError(p)) return Optional.empty();
        // a name in the title or heading ("Bad Gateway", an IPA), or in a paragraph other than the one under the heading, needs a
        // page with next to nothing else to be read as its message
        boolean underHeading = !atTop || where.equals("it is in the page's lead") ? shape.inFollowing(p.element()) : false;
        if (!shape.nearlyEmpty() && !underHeading) return Optional.empty();
        return Optional.of(where + " of a page with little else (" + words(p) + ")");
    }

    /** How much of its title part or heading an error phrase is, at least, where the title or heading names the error. */
    static final double NAMED_SHARE = 1.0 / 3;

    // how sites join a page's name to theirs in a title: "Page not found | ZEIT ONLINE", "502 Bad Gateway - nginx"
    private static final List<String> TITLE_SEPARATORS = List.of(" - ", " | ", " · ", " • ", " :: ");

    /**
     * Does the title (the part of it around the phrase) or the heading name the error, rather than say more about it? A
     * question in a forum ("服务偶发 502 Bad Gateway，排查了一天终于找到原因 - V2EX") is about the error it names.
     */
    private static boolean namesTheError(Place p) {
        String shown = p.page().text().shown();
        int[] block = p.page().blockRange(p.element(), p.start());
        int from = block[0];
        int to = Math.min(block[1], shown.length());
        for (String separator : TITLE_SEPARATORS) {
            int before = shown.lastIndexOf(separator, p.start() - separator.length());
            if (before >= from) from = before + separator.length();
            int after = shown.indexOf(separator, p.end());
            if (after >= 0 && after < to) to = after;
        }
        double all = Words.count(shown, from, Math.max(from, to));
        return Words.count(shown, p.start(), p.end()) >= NAMED_SHARE * all;
    }

    // words that open a sentence spoken to the user: "Oops, an error occurred!", "Sorry, something went wrong"
    private static final Pattern APOLOGY = Pattern.compile(
            "(?:oops|whoops|uh[ -]oh|sorry|we're sorry|we are sorry|apologies|hoppla|huch|oups|désolé|désolés|nous sommes désolés"
                    + "|lo sentimos|ups|vaya|ops|opa|oeps|hoppsan|ojej|üzgünüz|hay aksi|申し訳ございません|申し訳ありません|죄송합니다|抱歉|哎呀)"
                    + "[!,.:…\\s-]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The phrase opens a sentence that apologises to the user ("Oops, an error occurred!"): the page is speaking to them. */
    private static Optional<String> addressed(Place p) {
        if (p.page().inTitle(p.start())) return Optional.empty();
        String text = p.page().text().folded();
        int[] block = p.page().blockRange(p.element(), p.start());
        int from = block[0];
        for (int i = p.start() - 1; i > block[0]; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '。') && i + 1 < p.start()) {
                from = i + 1;
                break;
            }
        }
        String opening = text.substring(from, p.start()).strip();
        return !opening.isEmpty() && opening.length() <= 40 && APOLOGY.matcher(opening).matches()
                ? Optional.of("it opens with an apology to the user (\"" + opening + "\")") : Optional.empty();
    }

    /** A code block is a sample when the page has something else to read; an error dump that is the whole page is not one. */
    private static boolean codeSample(Place p, Element code) {
        if (inlineInProse(code)) return true;
        if (p.productPage() && p.shape().written().isEmpty()) return false;
        return p.shape().written().isPresent() || p.shape().contentWords() >= CODE_SAMPLE_CONTEXT_WORDS;
    }

    /** Inline code in a sentence that says more ("some clients received {@code ERROR 1105 (HY000)}") is quoted by the sentence. */
    private static boolean inlineInProse(Element code) {
        if (!code.tag().isInline()) return false;
        Element block = code.parent();
        while (block != null && block.tag().isInline()) block = block.parent();
        return block != null && Words.count(block.text()) - Words.count(code.text()) >= INLINE_CODE_CONTEXT_WORDS;
    }

    /** Words a sentence needs around inline code to make the code a quotation in it. */
    static final double INLINE_CODE_CONTEXT_WORDS = 5;

    /** Words outside code a page needs around a code block to make the block a sample in it. */
    static final double CODE_SAMPLE_CONTEXT_WORDS = 20;

    private static String words(Place p) {
        return (int) p.shape().contentWords() + " words besides navigation and code";
    }

    /** Is the phrase quoted where it stands (a headline quoting what users saw: 「エラーが発生しました」の表示が続いた…)? */
    static boolean isQuoted(Place p) {
        return quoted(p).isPresent();
    }

    private static Optional<String> quoted(Place p) {
        Optional<Landmarks.Found> q = Landmarks.quotation(p.element());
        if (q.isPresent()) return Optional.of("it is inside a quotation (" + q.get().what() + ")");
        return Quotes.around(p.page(), p.element(), p.start(), p.end()).map(mark -> "it is inside quotation marks (" + mark + ")");
    }
}
