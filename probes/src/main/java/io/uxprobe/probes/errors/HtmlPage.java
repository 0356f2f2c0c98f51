package io.uxprobe.probes.errors;

import io.uxprobe.probes.deadline.Deadline;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * An HTML page as a browser shows it: the tab's title and the text of the elements that are rendered, folded for
 * signatures, with the element each piece of text sits in. Hidden is what the markup hides (templates, scripts,
 * {@code hidden}, closed {@code <details>} and dialogs) and what the page's own style rules hide; attribute values
 * ({@code alt}, {@code title}, {@code aria-label}, {@code data-*}) are never shown text.
 */
final class HtmlPage {

    /** Markup parsed at most: an error page is small, and parsing is most of the cost of a huge page. */
    static final int MAX_MARKUP_CHARS = 4 << 20;

    // Code, inert templates, fallbacks a scripting browser never renders, embedded documents, and SVG tooltips.
    private static final Set<String> NEVER_SHOWN = Set.of(
            "head", "script", "style", "template", "noscript", "iframe", "object", "title", "desc", "metadata", "datalist");

    // CSS utility classes (Bootstrap, Tailwind, Bulma, WordPress…) that hide an element or keep it for screen readers
    // only: their stylesheets are linked, not inline, so their names are all uxprobe can go by.
    private static final Set<String> HIDING_CLASSES = Set.of(
            "hidden", "d-none", "is-hidden", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
            "screen-reader-text", "hide", "u-hidden", "a11y-hidden");

    // inline in HTML, yet shown apart from their neighbours: a line break, options, buttons, cells
    private static final Set<String> APART = Set.of("br", "option", "optgroup", "button", "td", "th", "input", "select", "textarea", "img");

    /** Parsed once: a query given as a string is parsed anew on every page. */
    private static final Evaluator TITLE = QueryParser.parse("title");

    private final Document doc;
    private final FoldedText text;
    private final int titleEnd;
    private final int[] starts;
    private final Element[] owners;
    private final int pieces;

    private HtmlPage(Document doc, FoldedText text, int titleEnd, int[] starts, Element[] owners, int pieces) {
        this.doc = doc;
        this.text = text;
        this.titleEnd = titleEnd;
        this.starts = starts;
        this.owners = owners;
        this.pieces = pieces;
    }

    static HtmlPage read(String html, Deadline deadline) {
        Document doc = Jsoup.parse(html.length() > MAX_MARKUP_CHARS ? html.substring(0, MAX_MARKUP_CHARS) : html);
        deadline.check();
        Collector c = new Collector(PageStyles.of(doc));
        Element title = doc.selectFirst(TITLE);
        if (title != null) {
            c.piece(title, title.text());
        }
        c.text.space();
        int titleEnd = c.text.length();
        Element body = doc.body();
        if (body != null) {
            c.traverse(body, deadline);
            if (c.text.length() == titleEnd) {
                framed(body, c); // the body shows nothing but a frame: its fallback text says what the frame holds
            }
        }
        return new HtmlPage(doc, c.text.build(), titleEnd, c.starts, c.owners, c.count);
    }

    // A block page served as a frame (Imperva's, Heroku's): the frame's own document is not fetched, so its fallback
    // text, written for browsers that cannot show frames, is the closest uxprobe comes to what the user sees.
    private static void framed(Element body, Collector c) {
        for (Element frame : body.getElementsByTag("iframe")) {
            String fallback = frame.data().isBlank() ? frame.text() : frame.data();
            if (!fallback.isBlank()) {
                c.piece(frame, Jsoup.parse(fallback).text());
                c.text.space();
            }
        }
    }

    Document document() {
        return doc;
    }

    FoldedText text() {
        return text;
    }

    /** Is {@code [start, end)} in the tab's title? */
    boolean inTitle(int start) {
        return start < titleEnd;
    }

    /** The text of the tab's title, folded (empty when the page has none). */
    String title() {
        return text.shown().substring(0, Math.min(text.length(), Math.max(0, titleEnd - 1))).strip();
    }

    /** The innermost element holding all of {@code [start, end)}: where the match sits. */
    Element elementAt(int start, int end) {
        Element first = ownerAt(start);
        Element last = ownerAt(Math.max(start, end - 1));
        if (first == last) return first;
        for (Element a = first; a != null; a = a.parent()) {
            if (a == last || last.parents().contains(a)) return a;
        }
        return doc.body() != null ? doc.body() : doc;
    }

    /** Each piece of visible text, in order: its first index in {@link #text()} and the element it sits in. */
    int pieces() {
        return pieces;
    }

    int pieceStart(int i) {
        return starts[i];
    }

    int pieceEnd(int i) {
        return i + 1 < pieces ? starts[i + 1] : text.length();
    }

    Element pieceOwner(int i) {
        return owners[i];
    }

    /** The span of the text that lies in {@code container}, around the piece holding index {@code at}. */
    int[] range(Element container, int at) {
        int first = pieceAt(at);
        int last = first;
        while (first > 0 && inside(owners[first - 1], container)) first--;
        while (last + 1 < pieces && inside(owners[last + 1], container)) last++;
        return new int[] {starts[first], pieceEnd(last)};
    }

    /** The span of the block (paragraph, heading, cell…) that holds {@code el}, around index {@code at}. */
    int[] blockRange(Element el, int at) {
        if (inTitle(at)) return new int[] {0, Math.max(0, titleEnd - 1)};
        Element block = el;
        while (block.tag().isInline() && block.parent() != null) block = block.parent();
        return range(block, at);
    }

    private int pieceAt(int index) {
        int i = Arrays.binarySearch(starts, 0, pieces, index);
        if (i < 0) i = -i - 2;
        return Math.max(0, i);
    }

    /** Is {@code el} {@code container} or inside it? */
    static boolean inside(Element el, Element container) {
        for (Element e = el; e != null; e = e.parent()) {
            if (e == container) return true;
        }
        return false;
    }

    private Element ownerAt(int index) {
        return owners[pieceAt(index)];
    }

    /** What hides {@code el} by its markup alone, such as {@code <template>}, or empty. */
    static Optional<String> hiddenByMarkup(Element el) {
        String tag = el.normalName();
        if (NEVER_SHOWN.contains(tag)) return Optional.of("<" + tag + ">");
        if (el.hasAttr("hidden")) return Optional.of("the hidden attribute");
        if (el.hasAttr("popover")) return Optional.of("a popover not opened");
        if (tag.equals("dialog") && !el.hasAttr("open")) return Optional.of("a closed <dialog>");
        if (tag.equals("input") && el.attr("type").equalsIgnoreCase("hidden")) return Optional.of("<input type=hidden>");
        Element parent = el.parent();
        if (parent != null && parent.normalName().equals("details") && !parent.hasAttr("open") && !isSummaryOf(el, parent)) {
            return Optional.of("a closed <details>");
        }
        String[] hiding = {null};
        forEachClass(el, c -> {
            if (hiding[0] == null && HIDING_CLASSES.contains(c.toLowerCase(Locale.ROOT))) hiding[0] = c;
        });
        return hiding[0] == null ? Optional.empty() : Optional.of("class " + hiding[0]);
        // aria-hidden only hides from screen readers: sighted users still see it
    }

    /** Each class of an element, read from its attribute without building a set (this runs for every element of a page). */
    static void forEachClass(Element el, Consumer<String> each) {
        String classes = el.className();
        for (int i = 0, n = classes.length(); i < n; ) {
            while (i < n && Character.isWhitespace(classes.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(classes.charAt(i))) i++;
            if (i > start) each.accept(classes.substring(start, i));
        }
    }

    private static boolean isSummaryOf(Element el, Element details) {
        return el.normalName().equals("summary") && details.selectFirst("> summary") == el;
    }

    /** Walks the body, appending the text of what is shown; visibility: hidden is inherited and may be undone below. */
    private static final class Collector implements NodeFilter {

        private static final int CHECK_EVERY = 1024;

        final FoldedText.Builder text = new FoldedText.Builder();
        final PageStyles styles;
        int[] starts = new int[64];
        Element[] owners = new Element[64];
        int count;
        private final Deque<Boolean> invisible = new ArrayDeque<>();
        private Deadline deadline = Deadline.none();
        private int visited;

        Collector(PageStyles styles) {
            this.styles = styles;
        }

        void traverse(Element body, Deadline deadline) {
            this.deadline = deadline;
            invisible.push(false);
            body.filter(this);
        }

        void piece(Element owner, String s) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                owners = Arrays.copyOf(owners, count * 2);
            }
            int at = text.length();
            text.append(s);
            if (text.length() > at || count == 0) {
                starts[count] = Math.min(at, text.length());
                owners[count] = owner;
                count++;
            }
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (text.full()) {
                return FilterResult.STOP;
            }
            if (++visited % CHECK_EVERY == 0) {
                deadline.check();
            }
            if (node instanceof TextNode t) {
                Element parent = t.parent() instanceof Element p ? p : null;
                boolean inClosedDetails = parent != null && parent.normalName().equals("details") && !parent.hasAttr("open");
                if (!Boolean.TRUE.equals(invisible.peek()) && !inClosedDetails && parent != null) {
                    piece(parent, t.getWholeText());
                }
            } else if (node instanceof Element el) {
                if (hiddenByMarkup(el).isPresent()) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                PageStyles.Computed style = styles.computed(el);
                if (style.hides().isPresent()) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (el.previousSibling() instanceof Element) {
                    text.space(); // <span>500</span><span>Code: …</span>: elements that touch are laid out apart (the page's CSS does that)
                }
                boolean parentInvisible = Boolean.TRUE.equals(invisible.peek());
                invisible.push(style.visibility().map(v -> !v.value().equals("visible")).orElse(parentInvisible));
                separate(el);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
                invisible.pop();
                separate(el);
            }
            return FilterResult.CONTINUE;
        }

        // spaces around block elements keep "<p>a</p><p>b</p>" from reading "ab"; controls and cells stand apart too
        private void separate(Element el) {
            if (!el.tag().isInline() || APART.contains(el.normalName())) {
                text.space();
            }
        }
    }
}
