package io.uxprobe.probes.browser;

import io.uxprobe.probes.template.Template;

/** What a {@code waitFor} waits for. */
public sealed interface PageCondition {

    String describe();

    /** Text the user can see anywhere on the page (case and whitespace as a person reads it: folded). */
    record Text(Template text) implements PageCondition {
        public String describe() {
            return "text \"" + text + "\"";
        }
    }

    /** A visible element matching a CSS selector. */
    record Selector(String selector) implements PageCondition {
        public String describe() {
            return "selector \"" + selector + "\"";
        }
    }

    /** The page's URL: contains the text, or matches it as a glob when it has {@code *} ({@code **} crosses {@code /}). */
    record Url(Template url) implements PageCondition {
        public String describe() {
            return "url \"" + url + "\"";
        }
    }
}
