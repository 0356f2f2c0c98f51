package io.uxprobe.probes.errors;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.htmlunit.cssparser.dom.AbstractCSSRuleImpl;
import org.htmlunit.cssparser.dom.CSSMediaRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleDeclarationImpl;
import org.htmlunit.cssparser.dom.CSSStyleRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.condition.Condition;
import org.htmlunit.cssparser.parser.selector.ElementSelector;
import org.htmlunit.cssparser.parser.selector.Selector;
import org.htmlunit.cssparser.parser.selector.SelectorSpecificity;
import org.htmlunit.cssparser.parser.selector.SimpleSelector;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * What the page's own {@code <style>} rules (and {@code style} attributes) say about showing an element: the
 * declarations of {@code display}, {@code visibility}, {@code opacity} and the clipping that hide things, each
 * element's winner chosen by the cascade (importance, specificity, order), as a desktop browser would. Stylesheets
 * the page links to are not fetched. Selectors match through jsoup's selector engine; dynamic states ({@code :hover},
 * {@code :focus}) never match a page nobody touches.
 */
final class PageStyles {

    private static final List<String> PROPERTIES = List.of("display", "visibility", "opacity", "content-visibility", "clip", "clip-path",
            "animation", "animation-name");
    private static final int DISPLAY = 0;
    private static final int VISIBILITY = 1;
    private static final int OPACITY = 2;
    private static final int CONTENT_VISIBILITY = 3;
    private static final int CLIP = 4;
    private static final int CLIP_PATH = 5;
    private static final int ANIMATION = 6;
    private static final int ANIMATION_NAME = 7;

    /** Parsed stylesheets by their text: a page served again brings the same styles, and parsing them is the cost. */
    private static final Map<String, List<Rule>> PARSED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Rule>> eldest) {
            return size() > 64;
        }
    });

    /** Style text this long or longer is not parsed: the page's own rules are a few KiB, a framework's whole CSS is not read. */
    private static final int MAX_STYLE_CHARS = 512 << 10;

    /** One declaration that can hide or show, under the selector that brings it. */
    record Rule(String selector, Evaluator matches, SelectorSpecificity specificity, int order, int property, String value,
            boolean important, Key key) {}

    /** Where a rule is filed: by the rightmost compound's id, else a class, else its tag; or nowhere ("*"). */
    record Key(char kind, String name) {
        static final Key ANY = new Key('*', "");
    }

    private final List<Rule> universal = new ArrayList<>();
    private final Map<String, List<Rule>> byId = new HashMap<>();
    private final Map<String, List<Rule>> byClass = new HashMap<>();
    private final Map<String, List<Rule>> byTag = new HashMap<>();
    // one page's style attributes, parsed once each: pages repeat the same few many times
    private final Map<String, Declared[]> inlineCache = new HashMap<>();

    private PageStyles(List<Rule> rules) {
        for (Rule r : rules) {
            switch (r.key().kind()) {
                case '#' -> byId.computeIfAbsent(r.key().name(), k -> new ArrayList<>()).add(r);
                case '.' -> byClass.computeIfAbsent(r.key().name(), k -> new ArrayList<>()).add(r);
                case 't' -> byTag.computeIfAbsent(r.key().name(), k -> new ArrayList<>()).add(r);
                default -> universal.add(r);
            }
        }
    }

    /** The rules of every {@code <style>} element of the page, in document order. */
    static PageStyles of(Document doc) {
        List<Rule> rules = new ArrayList<>();
        int order = 0;
        for (Element style : doc.getElementsByTag("style")) {
            String media = style.attr("media");
            if (!media.isBlank() && !Media.matches(media)) continue;
            String css = style.data();
            if (css.length() >= MAX_STYLE_CHARS || !mayHide(css)) {
                order += 1_000_000;
                continue;
            }
            for (Rule r : PARSED.computeIfAbsent(css, PageStyles::parse)) {
                rules.add(new Rule(r.selector(), r.matches(), r.specificity(), order + r.order(), r.property(), r.value(), r.important(), r.key()));
            }
            order += 1_000_000;
        }
        return new PageStyles(rules);
    }

    /** Could this CSS hide anything? Most pages' styles can; those that cannot are not parsed at all. */
    static boolean mayHide(String css) {
        String lower = css.toLowerCase(Locale.ROOT);
        return lower.contains("none") || lower.contains("hidden") || lower.contains("opacity") || lower.contains("clip")
                || lower.contains("collapse");
    }

    /** A winning declaration, and where it came from (for {@code --explain}). */
    record Declared(String property, String value, String from, boolean important, SelectorSpecificity specificity, int order) {
        String describe() {
            return property + ": " + value + " (from " + from + ")";
        }
    }

    /** What the cascade gives one element for each property that can hide it; null where nothing is declared. */
    final class Computed {

        private final Declared[] won;

        private Computed(Declared[] won) {
            this.won = won;
        }

        /** What hides the element, such as {@code display: none (from .toast--error)}; empty when nothing does. */
        Optional<String> hides() {
            Declared display = won[DISPLAY];
            if (display != null && display.value().equals("none")) return Optional.of(display.describe());
            Declared opacity = won[OPACITY];
            if (opacity != null && isZero(opacity.value()) && !animated()) return Optional.of(opacity.describe());
            Declared contentVisibility = won[CONTENT_VISIBILITY];
            if (contentVisibility != null && contentVisibility.value().equals("hidden")) return Optional.of(contentVisibility.describe());
            for (int clip : new int[] {CLIP, CLIP_PATH}) {
                if (won[clip] != null && clipsAll(won[clip].value())) return Optional.of(won[clip].describe());
            }
            return Optional.empty();
        }

        /**
         * The element's own {@code visibility}, if a rule or its style attribute sets one: {@code hidden} or
         * {@code collapse} hide it, {@code visible} shows it even inside a hidden parent; empty when it inherits.
         */
        Optional<Declared> visibility() {
            return Optional.ofNullable(won[VISIBILITY]);
        }

        // a fade-in starts at opacity 0 and ends shown
        private boolean animated() {
            return won[ANIMATION_NAME] != null && !won[ANIMATION_NAME].value().equals("none")
                    || won[ANIMATION] != null && !won[ANIMATION].value().equals("none");
        }
    }

    /** Nothing declared for an element: no rule and no style attribute touches it. */
    private final Computed nothing = new Computed(new Declared[PROPERTIES.size()]);

    /** The cascade for one element: its style attribute, then every rule filed where it could match, each asked once. */
    Computed computed(Element el) {
        String style = el.attr("style");
        Declared[] inline = style.isEmpty() ? null : inline(style);
        boolean noRules = universal.isEmpty() && byId.isEmpty() && byClass.isEmpty() && byTag.isEmpty();
        if (noRules) return inline == null ? nothing : new Computed(inline.clone());
        Declared[] won = inline == null ? new Declared[PROPERTIES.size()] : inline.clone();
        consider(el, universal, won);
        consider(el, byTag.get(el.normalName()), won);
        String id = el.id();
        if (!id.isEmpty()) consider(el, byId.get(id), won);
        if (!byClass.isEmpty()) HtmlPage.forEachClass(el, c -> consider(el, byClass.get(c), won));
        return new Computed(won);
    }

    private static void consider(Element el, List<Rule> rules, Declared[] won) {
        if (rules == null) return;
        for (Rule r : rules) {
            if (beats(r, won[r.property()]) && el.is(r.matches())) {
                won[r.property()] = new Declared(PROPERTIES.get(r.property()), r.value(), r.selector(), r.important(), r.specificity(), r.order());
            }
        }
    }

    /** Would rule {@code r} win over the declaration that holds so far, if it matched? */
    private static boolean beats(Rule r, Declared best) {
        if (best == null) return true;
        if (r.important() != best.important()) return r.important();
        if (best.specificity() == SelectorSpecificity.FROM_STYLE_ATTRIBUTE) return false; // the style attribute wins below !important
        int bySpecificity = r.specificity().compareTo(best.specificity());
        return bySpecificity > 0 || bySpecificity == 0 && r.order() > best.order();
    }

    private Declared[] inline(String style) {
        return inlineCache.computeIfAbsent(style, PageStyles::parseInline);
    }

    private static Declared[] parseInline(String style) {
        Declared[] out = new Declared[PROPERTIES.size()];
        if (!mayHide(style) && !style.toLowerCase(Locale.ROOT).contains("visib") && !style.toLowerCase(Locale.ROOT).contains("display")) {
            return out; // nothing in it can hide or show
        }
        try {
            CSSStyleDeclarationImpl d = parser().parseStyleDeclaration(style);
            for (Property p : d.getProperties()) {
                int at = PROPERTIES.indexOf(p.getName().toLowerCase(Locale.ROOT));
                if (at >= 0 && p.getValue() != null) {
                    out[at] = new Declared(PROPERTIES.get(at), value(p), "its style attribute", p.isImportant(), SelectorSpecificity.FROM_STYLE_ATTRIBUTE,
                            Integer.MAX_VALUE);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // a style attribute the parser cannot read hides nothing, as in a browser
        }
        return out;
    }

    private static List<Rule> parse(String css) {
        List<Rule> rules = new ArrayList<>();
        try {
            CSSStyleSheetImpl sheet = parser().parseStyleSheet(new InputSource(new StringReader(css)), null);
            collect(sheet.getCssRules().getRules(), rules);
        } catch (IOException | RuntimeException unreadable) {
            // what was read before the parser gave up still applies
        }
        return List.copyOf(rules);
    }

    private static void collect(List<AbstractCSSRuleImpl> list, List<Rule> into) {
        for (AbstractCSSRuleImpl rule : list) {
            switch (rule) {
                case CSSStyleRuleImpl style -> addStyleRule(style, into);
                case CSSMediaRuleImpl media -> {
                    if (Media.matches(media.getMediaList())) collect(media.getCssRules().getRules(), into);
                }
                default -> { } // @font-face, @keyframes, @import (not fetched), @page: nothing shown or hidden
            }
        }
    }

    private static void addStyleRule(CSSStyleRuleImpl rule, List<Rule> into) {
        List<Property> hiding = new ArrayList<>();
        for (Property p : rule.getStyle().getProperties()) {
            if (PROPERTIES.contains(p.getName().toLowerCase(Locale.ROOT)) && p.getValue() != null) hiding.add(p);
        }
        if (hiding.isEmpty()) return;
        for (Selector selector : rule.getSelectors()) {
            String text = selector.toString();
            Evaluator evaluator;
            try {
                evaluator = QueryParser.parse(text);
            } catch (SelectorParseException | IllegalArgumentException unsupported) {
                continue; // :hover, :focus, ::before…: a state nobody is in, or no element, when the page is read
            }
            Key key = key(selector.getSimpleSelector());
            for (Property p : hiding) {
                into.add(new Rule(text, evaluator, selector.getSelectorSpecificity(), into.size(),
                        PROPERTIES.indexOf(p.getName().toLowerCase(Locale.ROOT)), value(p), p.isImportant(), key));
            }
        }
    }

    /** The rightmost compound's id, else a class, else its tag, else any: the rule can only match elements filed there. */
    private static Key key(SimpleSelector rightmost) {
        if (!(rightmost instanceof ElementSelector es)) return Key.ANY;
        String className = null;
        if (es.getConditions() != null) {
            for (Condition c : es.getConditions()) {
                switch (c.getConditionType()) {
                    case ID_CONDITION -> {
                        return new Key('#', c.getValue());
                    }
                    case CLASS_CONDITION -> {
                        if (className == null) className = c.getValue();
                    }
                    default -> { }
                }
            }
        }
        if (className != null) return new Key('.', className);
        String tag = es.getLocalNameLowerCase();
        return tag == null || tag.equals("*") ? Key.ANY : new Key('t', tag);
    }

    private static String value(Property p) {
        return p.getValue().getCssText().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isZero(String value) {
        try {
            String v = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
            return Double.parseDouble(v) <= 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** The screen-reader-only patterns: a clip to nothing, a clip-path inset by half or more. */
    private static boolean clipsAll(String value) {
        String v = value.replace(" ", "").replace("px", "");
        return v.equals("rect(0,0,0,0)") || v.equals("rect(0000)") || v.equals("rect(1,1,1,1)") || v.equals("rect(1111)")
                || v.equals("inset(50%)") || v.equals("inset(100%)") || v.equals("circle(0)") || v.equals("circle(0%)");
    }

    private static CSSOMParser parser() {
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(Quiet.INSTANCE);
        return parser;
    }

    /** The parser reports each rule it skips; a page's CSS errors are not ours to print. */
    private enum Quiet implements CSSErrorHandler {
        INSTANCE;

        @Override
        public void warning(CSSParseException e) throws CSSException {}

        @Override
        public void error(CSSParseException e) throws CSSException {}

        @Override
        public void fatalError(CSSParseException e) throws CSSException {}
    }
}
