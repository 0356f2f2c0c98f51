package io.uxprobe.probes.errors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The shape of a page at a glance: how much there is to read besides the navigation, whether it is content (an
 * article, a post, a song, a product page: long prose, or a page that says it is one), which heading tops it and
 * where its lead ends. An error page is short, is no content page, and says what went wrong at its top.
 */
final class PageShape {

    /** At most this many words outside the navigation and code: a page with "little else" than its message. */
    static final double LITTLE_ELSE_WORDS = 120;
    /** A page with at most this many words is all heading and message (nginx's "502 Bad Gateway" page, Tomcat's 503). */
    static final double NEARLY_EMPTY_WORDS = 90;
    /** The lead: the first words of the page's content, where a page puts its message. */
    static final double LEAD_WORDS = 60;
    /** A block of text this long is prose, something written to be read. */
    static final double PROSE_BLOCK_WORDS = 20;
    /** This much prose makes a content page. */
    static final double CONTENT_PROSE_WORDS = 250;
    /** An {@code <article>} with this many words is one. */
    static final double ARTICLE_WORDS = 100;
    /** This many alike items with text of their own (tracks, episodes, results, details) make a page of listed things. */
    static final int LISTING_ITEMS = 4;

    // og:type values and schema.org types of pages that are content about something, not an application's message
    private static final Set<String> CONTENT_OG_TYPES = Set.of("article", "music.song", "music.album", "music.playlist", "book",
            "video.movie", "video.episode", "video.tv_show", "video.other", "product", "profile", "books.book");
    private static final Pattern SCHEMA_TYPE = Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"([A-Za-z]+)\"");
    private static final Set<String> CONTENT_SCHEMA_TYPES = Set.of("article", "newsarticle", "blogposting", "techarticle",
            "scholarlyarticle", "report", "faqpage", "qapage", "howto", "musicrecording", "musiccomposition", "musicalbum",
            "book", "movie", "tvseries", "tvepisode", "product", "discussionforumposting", "socialmediaposting", "recipe",
            "review", "creativework", "question", "liveblogposting", "podcastepisode", "videoobject");

    // selectors parsed once: jsoup parses a selector string on every call, which cost a third of reading a large page
    private static final Evaluator IN_ARTICLE = QueryParser.parse("article, [role=article], [itemprop=articleBody]");
    private static final Evaluator LINK = QueryParser.parse("a[href]");
    // where a page keeps what its user searched for: a search field, or a text field of a search form
    private static final Evaluator SEARCH_FIELDS = QueryParser.parse(
            "input[type=search], [role=search] input, form[action*=search] input, input[name=q], input[name=query], input[name=search],"
                    + " input[name=s], input[name=keyword], input[name=keywords], input[name=term]");

    private final double contentWords;
    private final double proseWords;
    private final double articleWords;
    private final Optional<String> declared;
    private final Optional<String> listing;
    private final Element topHeading;
    private final Element following;
    private final int sections;
    private final int leadEnd;
    private final List<String> searched;

    private PageShape(double contentWords, double proseWords, double articleWords, Optional<String> declared, Optional<String> listing,
            Element topHeading, Element following, int sections, int leadEnd, List<String> searched) {
        this.contentWords = contentWords;
        this.proseWords = proseWords;
        this.articleWords = articleWords;
        this.declared = declared;
        this.listing = listing;
        this.topHeading = topHeading;
        this.following = following;
        this.sections = sections;
        this.leadEnd = leadEnd;
        this.searched = searched;
    }

    static PageShape of(HtmlPage page) {
        Map<Element, Boolean> aside = new IdentityHashMap<>();
        Map<Element, Boolean> inArticle = new IdentityHashMap<>();
        Map<Element, Double> blockWords = new IdentityHashMap<>();
        double content = 0;
        double article = 0;
        Element h1 = null;
        Element anyHeading = null;
        int leadEnd = page.text().length();
        String shown = page.text().shown();
        for (int i = 0; i < page.pieces(); i++) {
            int start = page.pieceStart(i);
            if (page.inTitle(start)) continue;
            Element owner = page.pieceOwner(i);
            if (aside.computeIfAbsent(owner, o -> Landmarks.chrome(o).isPresent() || Landmarks.code(o).isPresent())) continue;
            double words = Words.count(shown, start, page.pieceEnd(i));
            if (words == 0) continue;
            content += words;
            if (content >= LEAD_WORDS && leadEnd == page.text().length()) leadEnd = page.pieceEnd(i);
            if (inArticle.computeIfAbsent(owner, o -> o.closest(IN_ARTICLE) != null)) article += words;
            blockWords.merge(block(owner), words, Double::sum);
            if (h1 == null || anyHeading == null) {
                Element heading = heading(owner);
                if (heading != null && anyHeading == null) anyHeading = heading;
                if (heading != null && h1 == null && heading.normalName().equals("h1")) h1 = heading;
            }
        }
        double prose = blockWords.values().stream().filter(w -> w >= PROSE_BLOCK_WORDS).mapToDouble(Double::doubleValue).sum();
        Element body = page.document().body();
        Element top = h1 != null ? h1 : anyHeading;
        Set<Element> headings = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < page.pieces(); i++) {
            Element owner = page.pieceOwner(i);
            Element heading = page.inTitle(page.pieceStart(i)) || aside.getOrDefault(owner, true) ? null : heading(owner);
            if (heading != null && heading != top) headings.add(heading);
        }
        return new PageShape(content, prose, article, declaredContent(page.document()),
                body == null ? Optional.empty() : listing(body), top, following(page, top, aside), headings.size(), leadEnd, searched(page.document()));
    }

    /** The first block of text after the top heading (or, without one, the page's first block), outside the navigation. */
    private static Element following(HtmlPage page, Element top, Map<Element, Boolean> aside) {
        boolean afterTop = top == null;
        for (int i = 0; i < page.pieces(); i++) {
            if (page.inTitle(page.pieceStart(i))) continue;
            Element owner = page.pieceOwner(i);
            boolean inTop = top != null && HtmlPage.inside(owner, top);
            if (inTop) {
                afterTop = true;
                continue;
            }
            if (!afterTop || aside.computeIfAbsent(owner, o -> Landmarks.chrome(o).isPresent() || Landmarks.code(o).isPresent())) continue;
            if (Words.count(page.text().shown(), page.pieceStart(i), page.pieceEnd(i)) == 0) continue;
            return block(owner);
        }
        return null;
    }

    /** The values of the page's search fields, folded: what its user searched for. */
    private static List<String> searched(Document doc) {
        List<String> values = new ArrayList<>();
        for (Element field : doc.select(SEARCH_FIELDS)) {
            String v = FoldedText.of(field.attr("value")).lower().strip();
            if (!v.isEmpty()) values.add(v);
        }
        return values;
    }

    /** Is {@code phrase} (folded, lower case) part of what the page's user searched for? A results page repeats its query. */
    boolean searchedFor(String phrase) {
        for (String query : searched) {
            if (query.contains(phrase.strip())) return true;
        }
        return false;
    }

    /** Is {@code el} in the first block of text after the top heading, where an error page says what went wrong? */
    boolean inFollowing(Element el) {
        return following != null && HtmlPage.inside(el, following);
    }

    /** Little besides its message: at most {@link #LITTLE_ELSE_WORDS} words outside the navigation and code. */
    boolean littleElse() {
        return contentWords <= LITTLE_ELSE_WORDS;
    }

    /**
     * Next to nothing besides its title and heading: at most {@link #NEARLY_EMPTY_WORDS} words outside navigation and code,
     * in one section (a page with sections under its heading, "About this status code", is organised content).
     */
    boolean nearlyEmpty() {
        return contentWords <= NEARLY_EMPTY_WORDS && sections < 2;
    }

    /** Why this is a content page (an article, a post, a song, a listing…), or empty when it is not one. */
    Optional<String> content() {
        return written().or(() -> listing);
    }

    /** Why this page is written to be read (it says it is an article or a song, or it has an article or long prose), or empty. */
    Optional<String> written() {
        if (declared.isPresent()) return declared;
        if (articleWords >= ARTICLE_WORDS) return Optional.of("an <article> of " + (int) articleWords + " words");
        if (proseWords >= CONTENT_PROSE_WORDS) return Optional.of((int) proseWords + " words of prose");
        return Optional.empty();
    }

    /** The page lists things (tracks, episodes, results, details), or empty. */
    Optional<String> listing() {
        return listing;
    }

    double contentWords() {
        return contentWords;
    }

    /** Does {@code container} hold the page's top heading? */
    boolean holdsTopHeading(Element container) {
        return topHeading != null && HtmlPage.inside(topHeading, container);
    }

    /** Is {@code el} the page's top heading (its first {@code <h1>}, else its first heading), or inside it? */
    boolean inTopHeading(Element el) {
        if (topHeading == null) return false;
        for (Element e = el; e != null; e = e.parent()) {
            if (e == topHeading) return true;
        }
        return false;
    }

    /** Does text from {@code start} on sit in the page's lead, its first {@link #LEAD_WORDS} words? */
    boolean inLead(int start) {
        return start < leadEnd;
    }

    /** The first group of at least {@link #LISTING_ITEMS} alike siblings with text of their own, outside the navigation. */
    private static Optional<String> listing(Element body) {
        ArrayDeque<Element> todo = new ArrayDeque<>();
        todo.push(body);
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            Map<String, Integer> alike = new HashMap<>();
            for (Element child : e.children()) {
                if (HtmlPage.hiddenByMarkup(child).isPresent() || Landmarks.isChrome(child)) continue; // never walked into, so never above
                todo.push(child);
                if (isItem(child) && hasOwnText(child) && listed(child)) {
                    String kind = child.normalName() + "." + child.className();
                    int n = alike.merge(kind, 1, Integer::sum);
                    if (n == LISTING_ITEMS) {
                        return Optional.of("a listing of alike items (" + describe(child) + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Can this element be one of a list of things: a list item, a table row that is no "name: value" detail, an
     * article, or a component with a class (a card, a result)? Paragraphs are prose, not items.
     */
    private static boolean isItem(Element e) {
        return switch (e.normalName()) {
            case "li", "article" -> true;
            case "tr" -> !headed(e) && e.childrenSize() > 1; // a row of one cell is layout
            case "p", "dd", "dt", "br", "span", "a", "b", "i", "em", "strong" -> false;
            default -> e.hasAttr("class") && !e.className().isBlank();
        };
    }

    /** A row headed by a {@code <th>} is a "name: value" detail, not a listed thing. */
    private static boolean headed(Element tr) {
        for (Element cell : tr.children()) {
            if (cell.normalName().equals("th")) return true;
        }
        return false;
    }

    /**
     * A thing in a list is named (a track, a product, a detail) or points elsewhere (a result, an episode); an item of
     * several sentences without a link is advice ("1. Check your proxy settings…"), which error pages list too.
     */
    private static boolean listed(Element item) {
        return item.selectFirst(LINK) != null || Words.count(item.text()) <= LISTED_ITEM_WORDS;
    }

    /** Words of a named item in a listing, at most. */
    static final double LISTED_ITEM_WORDS = 8;

    // text beyond its links: a track row has a number and a length, a link list item has only its link
    private static boolean hasOwnText(Element item) {
        int all = letters(item.text());
        int linked = 0;
        for (Element a : item.getElementsByTag("a")) linked += letters(a.text());
        return all > linked;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) n++;
        return n;
    }

    private static String describe(Element item) {
        return item.className().isEmpty() ? "<" + item.normalName() + ">" : "<" + item.normalName() + " class=" + item.className() + ">";
    }

    private static Element heading(Element owner) {
        for (Element e = owner; e != null; e = e.parent()) {
            if (Landmarks.isHeading(e)) return e;
        }
        return null;
    }

    /** The block a piece of text flows in: its nearest ancestor that is not an inline element. */
    private static Element block(Element owner) {
        for (Element e = owner; e != null; e = e.parent()) {
            if (!e.tag().isInline()) return e;
        }
        return owner;
    }

    /** Does the page say it is content (Open Graph type, schema.org type)? The head is not shown, but it says what the page is. */
    private static Optional<String> declaredContent(Document doc) {
        Element og = doc.selectFirst("meta[property=og:type]");
        if (og != null) {
            String type = og.attr("content").strip().toLowerCase(Locale.ROOT);
            if (CONTENT_OG_TYPES.contains(type)) return Optional.of("its og:type " + type);
        }
        for (Element typed : doc.select("[itemtype]")) {
            String type = typed.attr("itemtype");
            String name = type.substring(type.lastIndexOf('/') + 1).strip().toLowerCase(Locale.ROOT);
            if (CONTENT_SCHEMA_TYPES.contains(name)) return Optional.of("its schema.org type " + name);
        }
        for (Element ld : doc.select("script[type=application/ld+json]")) {
            Matcher m = SCHEMA_TYPE.matcher(ld.data());
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (CONTENT_SCHEMA_TYPES.contains(name)) return Optional.of("its schema.org type " + name);
            }
        }
        return Optional.empty();
    }
}
