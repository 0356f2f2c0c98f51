package io.uxprobe.probes.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The parts of a page a person recognises by their structure: alerts, the site's navigation, code, examples,
 * quotations, articles and posts, lists of results, form controls, headings. Each finder walks up from an element
 * and names what it found (for {@code --explain}), or finds nothing.
 */
final class Landmarks {

    private static final Set<String> ALERT_ROLES = Set.of("alert", "alertdialog");
    private static final Set<String> LIVE_ROLES = Set.of("status");
    // class and id words of notice components: Bootstrap's alert, toasts, snackbars, flash messages, notices, banners
    private static final Set<String> ALERT_WORDS = Set.of(
            // not "banner" alone: a page's hero is one as often as a notice is (an error banner names its failure)
            "alert", "alerts", "toast", "toaster", "snackbar", "flash", "notification", "notifications", "notice",
            "growl", "noty", "infobar", "messagebar", "errorbar",
            // layers in front of the page: what they say is shown to the user (a hidden one is not read at all)
            "overlay", "modal", "popup", "lightbox");
    // words that make a class an error component when they stand alone or go with a component word
    private static final Set<String> FAILURE_WORDS = Set.of("error", "errors", "err", "danger", "failure", "failed", "fail", "fatal", "oops",
            "bad", "critical");
    private static final Set<String> COMPONENT_WORDS = Set.of(
            "message", "messages", "msg", "banner", "box", "container", "state", "page", "notice", "alert", "toast", "panel",
            "block", "wrapper", "wrap", "text", "content", "title", "heading", "headline", "description", "desc", "summary",
            "boundary", "view", "screen", "display", "modal", "dialog", "popup", "card", "section", "body", "main", "info",
            "details", "detail", "area", "region", "holder", "overlay", "placeholder", "fallback", "is", "has", "with");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "menu");
    private static final Set<String> CHROME_WORDS = Set.of("breadcrumb", "breadcrumbs", "crumb", "crumbs");
    private static final Set<String> CHROME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
            "search", "tablist", "toolbar");
    private static final Set<String> SECTIONING = Set.of("article", "main", "section", "aside", "nav");
    private static final Set<String> CODE_TAGS = Set.of("code", "pre", "kbd", "samp", "var", "tt", "textarea", "xmp", "listing", "plaintext");
    private static final Set<String> CODE_WORDS = Set.of("highlight", "codehilite", "sourcecode", "syntax", "hljs", "prettyprint", "console",
            "terminal", "shell", "code", "codeblock", "snippet");
    private static final Set<String> EXAMPLE_WORDS = Set.of("example", "examples", "demo", "demos", "preview", "sample", "samples",
            "specimen", "playground", "showcase", "mock", "mockup", "screenshot", "storybook", "sandbox");
    private static final Set<String> QUOTE_TAGS = Set.of("q", "blockquote", "cite");
    private static final Set<String> POST_WORDS = Set.of("article", "post", "posts", "entry", "story", "blog", "comment", "comments",
            "reply", "replies", "thread", "answer", "answers", "question", "faq", "faqs", "prose", "markdown", "docs", "documentation",
            "doc", "kb", "wiki", "lyrics", "lyric", "review", "reviews", "transcript", "tweet", "discussion", "topic",
            "forum", "changelog", "postmortem", "incident", "incidents", "timeline", "feed", "history", "document");
    private static final Set<String> POST_ROLES = Set.of("article", "feed", "log", "comment");
    private static final Set<String> POST_PROPS = Set.of("articlebody", "text", "reviewbody", "description", "lyrics", "acceptedanswer",
            "suggestedanswer", "comment");
    private static final Set<String> LIST_ITEM_TAGS = Set.of("li", "tr", "dt", "dd", "option");
    private static final Set<String> CONTROL_TAGS = Set.of("label", "legend", "option", "optgroup", "select", "button", "input", "textarea");
    private static final Set<String> CONTROL_ROLES = Set.of("button", "tab", "menuitem", "option", "checkbox", "radio", "switch", "link");

    /** Live regions and status roles hold short announcements; one longer than this is a feed or a log, not a notice. */
    static final int MAX_NOTICE_WORDS = 100;

    private Landmarks() {}

    /** The alert, status region or notice component holding {@code el} (the outermost, for its whole text): what makes it one. */
    static Optional<Found> alert(Element el) {
        return outermost(el, e -> {
            String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
            if (ALERT_ROLES.contains(role)) return "role=" + role;
            if (e.normalName().equals("body") || e.normalName().equals("main") || e.normalName().equals("html")) return null;
            String live = e.attr("aria-live").toLowerCase(Locale.ROOT).strip();
            if ((LIVE_ROLES.contains(role) || live.equals("assertive") || live.equals("polite")) && small(e)) {
                return LIVE_ROLES.contains(role) ? "role=" + role : "aria-live=" + live;
            }
            if (e.normalName().equals("output") && small(e)) return "an <output>, a live region"; // Zabbix's message boxes
            // a modal in front of the page: a closed <dialog> is not shown, so one that is shown is open
            if (e.normalName().equals("dialog") && small(e)) return "an open <dialog>";
            if (role.equals("dialog") && small(e)) return "a dialog (role=dialog)";
            String named = noticeName(e);
            return named != null && small(e) ? named : null;
        });
    }

    /** The navigation, site header or footer, sidebar or menu holding {@code el}. */
    static Optional<Found> chrome(Element el) {
        return up(el, e -> chromeKind(e, el));
    }

    /** Is this element itself navigation, a site header or footer, a sidebar or a menu? */
    static boolean isChrome(Element e) {
        return chromeKind(e, e) != null;
    }

    private static String chromeKind(Element e, Element from) {
        String tag = e.normalName();
        String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
        if (CHROME_ROLES.contains(role)) return "role=" + role;
        if (CHROME_TAGS.contains(tag)) return "<" + tag + ">";
        String crumbs = classWord(e, CHROME_WORDS); // a breadcrumb trail repeats the page's title as navigation
        if (crumbs != null) return crumbs;
        if ((tag.equals("header") || tag.equals("footer")) && !insideSection(e) && !(tag.equals("header") && inHeading(from, e))) {
            return "the page's <" + tag + ">";
        }
        return null;
    }

    // A heading in the page's header is the page's heading (an error page's "502 Bad Gateway"), not its navigation.
    private static boolean inHeading(Element el, Element header) {
        for (Element e = el; e != null && e != header; e = e.parent()) {
            if (isHeading(e)) return true;
        }
        return false;
    }

    static Optional<Found> code(Element el) {
        return up(el, e -> {
            if (CODE_TAGS.contains(e.normalName())) return "<" + e.normalName() + ">";
            return classWord(e, CODE_WORDS);
        });
    }

    static Optional<Found> example(Element el) {
        return up(el, e -> {
            if (e.normalName().equals("figure")) return "<figure>";
            return classWord(e, EXAMPLE_WORDS);
        });
    }

    static Optional<Found> quotation(Element el) {
        return up(el, e -> QUOTE_TAGS.contains(e.normalName()) ? "<" + e.normalName() + ">" : null);
    }

    /** The article, post, comment or other authored content holding {@code el}. */
    // what a user wrote, which no error page's layout is named after
    private static final Set<String> USER_POST_WORDS = Set.of("post", "posts", "comment", "comments", "reply", "replies", "thread",
            "answer", "answers", "tweet", "review", "reviews", "discussion", "topic", "forum");

    /** Is this post found by a class or id that names what a user wrote (a forum post, a comment), not a layout box? */
    static boolean usersPost(Found post) {
        String name = post.what().substring(post.what().indexOf(' ') + 1);
        return post.byName() && words(name).stream().anyMatch(USER_POST_WORDS::contains);
    }

    static Optional<Found> post(Element el) {
        return up(el, e -> {
            String tag = e.normalName();
            if (tag.equals("article")) return "<article>";
            String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
            if (POST_ROLES.contains(role)) return "role=" + role;
            String prop = e.attr("itemprop").toLowerCase(Locale.ROOT).strip();
            if (POST_PROPS.contains(prop)) return "itemprop=" + prop;
            if (tag.equals("body") || tag.equals("html")) return null;
            return classWord(e, POST_WORDS);
        });
    }

    /** The list item or table row holding {@code el}, when it is one of at least {@code min} alike. */
    static Optional<Found> listItem(Element el, int min) {
        return up(el, e -> {
            Element parent = e.parent();
            if (parent == null || e.normalName().equals("body") || e.normalName().equals("main")) return null;
            int alike = 0;
            for (Element sibling : parent.children()) {
                if (sibling.normalName().equals(e.normalName()) && sibling.className().equals(e.className())) alike++;
            }
            if (alike < min) return null;
            if (e.normalName().equals("tr") && e.childrenSize() < 2) return null; // a table of one column lays out blocks
            if (LIST_ITEM_TAGS.contains(e.normalName())) return "<" + e.normalName() + "> one of " + alike;
            // a grid of cards or results: repeated siblings of one kind, with more than a word or two each
            return !e.className().isEmpty() && alike >= min + 1 ? "one of " + alike + " ." + e.classNames().iterator().next() + " items" : null;
        });
    }

    static Optional<Found> link(Element el) {
        return up(el, e -> e.normalName().equals("a") && e.hasAttr("href") ? "<a href>" : null);
    }

    static Optional<Found> control(Element el) {
        return up(el, e -> {
            if (CONTROL_TAGS.contains(e.normalName())) return "<" + e.normalName() + ">";
            String role = e.attr("role").toLowerCase(Locale.ROOT).strip();
            return CONTROL_ROLES.contains(role) ? "role=" + role : null;
        });
    }

    static boolean isHeading(Element e) {
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                || e.attr("role").equalsIgnoreCase("heading");
    }

    /** A landmark found above (or at) an element: the element and what makes it one. */
    record Found(Element element, String what) {
        /** Found by a class or id name, not by its tag, role or itemprop. */
        boolean byName() {
            return what.startsWith("class ") || what.startsWith("id ");
        }
    }

    private static Optional<Found> outermost(Element from, Function<Element, String> test) {
        Found found = null;
        for (Element e = from; e != null; e = e.parent()) {
            String what = test.apply(e);
            if (what != null) found = new Found(e, what);
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Found> up(Element from, Function<Element, String> test) {
        for (Element e = from; e != null; e = e.parent()) {
            String what = test.apply(e);
            if (what != null) return Optional.of(new Found(e, what));
        }
        return Optional.empty();
    }

    private static boolean insideSection(Element e) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (SECTIONING.contains(a.normalName())) return true;
        }
        return false;
    }

    private static boolean small(Element e) {
        return Words.count(e.text()) <= MAX_NOTICE_WORDS;
    }

    /** "class toast--error" when the element's class or id names a notice or error component, else null. */
    private static String noticeName(Element e) {
        List<String> names = new ArrayList<>();
        if (e.hasAttr("class")) names.addAll(e.classNames());
        if (!e.id().isEmpty() && !isHeading(e)) names.add(e.id()); // a heading's id is its text as an anchor ("recoverable-errors-with-result")
        for (String name : names) {
            List<String> words = words(name);
            if (failureState(name)) return (name.equals(e.id()) ? "id " : "class ") + name;
            boolean notice = words.stream().anyMatch(ALERT_WORDS::contains);
            // an error component: a failure word alone (with a number) or beside a component word (kc-error-message)
            boolean failure = words.stream().anyMatch(FAILURE_WORDS::contains)
                    && (words.stream().allMatch(w -> FAILURE_WORDS.contains(w) || isNumber(w))
                        || words.stream().anyMatch(COMPONENT_WORDS::contains));
            if (notice || failure) return (name.equals(e.id()) ? "id " : "class ") + name;
        }
        return null;
    }

    /** A state class that says "failed": a BEM modifier ({@code preloader__text--fail}) or a state prefix ({@code is-error}). */
    private static boolean failureState(String name) {
        int modifier = name.lastIndexOf("--");
        String state = modifier >= 0 ? name.substring(modifier + 2)
                : name.startsWith("is-") || name.startsWith("has-") ? name.substring(name.indexOf('-') + 1) : null;
        return state != null && FAILURE_WORDS.contains(state.toLowerCase(Locale.ROOT));
    }

    private static String classWord(Element e, Set<String> words) {
        if (!e.hasAttr("class") && e.id().isEmpty()) return null;
        // most names hold none of the words at all: one look at the whole attribute before splitting it into words
        String all = (e.className() + ' ' + e.id()).toLowerCase(Locale.ROOT);
        if (!containsAny(all, words)) return null;
        List<String> names = new ArrayList<>(e.classNames());
        if (!e.id().isEmpty()) names.add(e.id());
        for (String name : names) {
            for (String w : words(name)) {
                if (words.contains(w)) return (name.equals(e.id()) ? "id " : "class ") + name;
            }
        }
        return null;
    }

    private static boolean containsAny(String text, Set<String> words) {
        for (String w : words) {
            if (text.contains(w)) return true;
        }
        return false;
    }

    /** The words of a class name: {@code toast--error} and {@code ErrorBanner_root} are (toast, error) and (error, banner, root). */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>(3);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (boundary && !w.isEmpty()) {
                words.add(w.toString());
                w.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) w.append(Character.toLowerCase(c));
        }
        if (!w.isEmpty()) words.add(w.toString());
        return words;
    }

    private static boolean isNumber(String w) {
        return !w.isEmpty() && w.chars().allMatch(Character::isDigit);
    }
}
