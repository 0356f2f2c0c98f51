package io.uxprobe.probes.errors;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text a browser shows for an HTML page: the title (on the tab) and the rendered body. Scripts, templates,
 * comments and anything hidden are left out: a single-page app ships its error banners hidden until it needs them.
 * A title that the body's first words repeat (the page's heading) is read once, as a person reads it: a snippet
 * then shows it once too.
 */
final class VisibleText {

    // Code, inert templates, fallbacks a scripting browser never renders, and SVG tooltips.
    private static final Set<String> NEVER_SHOWN = Set.of(
            "head", "script", "style", "template", "noscript", "iframe", "title", "desc", "metadata");

    // CSS utility classes (Bootstrap, Tailwind, Bulma, WordPress…) that hide an element or keep it for screen readers only.
    private static final Set<String> HIDING_CLASSES = Set.of(
            "hidden", "d-none", "is-hidden", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
            "screen-reader-text", "hide");

    /** Markup parsed at most: an error page is small, and parsing is most of the cost of a huge page. */
    static final int MAX_MARKUP_CHARS = 4 << 20;

    private VisibleText() {}

    /** The visible text, at most {@link FoldedText#MAX_CHARS} chars; whitespace is not folded yet. */
    static String of(String html) {
        Document doc = Jsoup.parse(html.length() > MAX_MARKUP_CHARS ? html.substring(0, MAX_MARKUP_CHARS) : html);
        StringBuilder shown = new StringBuilder();
        Element body = doc.body();
        if (body != null) {
            new Collector(shown).traverse(body);
        }
        String title = doc.title();
        if (!title.isBlank() && folded(shown.toString()).startsWith(folded(title))) return shown.toString();
        return title + '\n' + shown;
    }

    private static String folded(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Does the markup hide this element (and so everything inside it)? */
    static boolean isHidden(Element el) {
        if (NEVER_SHOWN.contains(el.normalName()) || el.hasAttr("hidden") || el.hasAttr("popover")) {
            return true;
        }
        if (el.normalName().equals("dialog") && !el.hasAttr("open")) {
            return true;
        }
        if (el.normalName().equals("input") && el.attr("type").equalsIgnoreCase("hidden")) {
            return true;
        }
        if (el.hasAttr("style") && hidesByStyle(el.attr("style"))) {
            return true;
        }
        if (el.hasAttr("class")) {
            for (String cls : el.classNames()) {
                if (HIDING_CLASSES.contains(cls.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false; // aria-hidden only hides from screen readers: sighted users still see it
    }

    private static boolean hidesByStyle(String style) {
        StringBuilder compact = new StringBuilder(style.length());
        for (int i = 0; i < style.length(); i++) {
            char c = style.charAt(i);
            if (!Character.isWhitespace(c)) compact.append(Character.toLowerCase(c));
        }
        String s = compact.toString();
        return s.contains("display:none") || s.contains("visibility:hidden") || s.contains("visibility:collapse");
    }

    /** Appends the text of visible nodes; spaces around block elements keep "<p>a</p><p>b</p>" from reading "ab". */
    private record Collector(StringBuilder text) implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            if (text.length() >= FoldedText.MAX_CHARS) {
                return FilterResult.STOP;
            }
            if (node instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (node instanceof Element el) {
                if (isHidden(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                separate(el);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
                separate(el);
            }
            return FilterResult.CONTINUE;
        }

        private void separate(Element el) {
            if (!el.tag().isInline() || el.normalName().equals("br")) {
                text.append(' ');
            }
        }
    }
}
