package io.uxprobe.probes.browser;

import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Template;
import java.time.Duration;
import java.util.Optional;

/**
 * One thing a user does on a page, in the order the step lists them. Each waits for what it needs (the element
 * visible and enabled, the text shown) up to its own {@code timeout}, and never past the step's deadline.
 */
public sealed interface PageAction {

    /** Where the action is written, for messages. */
    Position position();

    /** Its own {@code timeout:}; empty means as long as the step has left. */
    Optional<Duration> timeout();

    /** How messages and reports name it: {@code click "#play"}. */
    String describe();

    /** Whether the user acts on the page (and so INP, the responsiveness of the page to it, can be measured). */
    default boolean interacts() {
        return false;
    }

    /** Clicks the first visible element matching a CSS selector, with a real mouse. */
    record Click(String selector, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "click \"" + selector + "\"";
        }

        public boolean interacts() {
            return true;
        }
    }

    /** Replaces the value of a text field by typing, as a user does. */
    record Fill(String selector, Template value, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "fill \"" + selector + "\"";
        }

        public boolean interacts() {
            return true;
        }
    }

    /** Presses a key ({@code Enter}, {@code Tab}, {@code a}), in a field first clicked when a selector is given. */
    record Press(String key, Optional<String> selector, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "press " + key + selector.map(s -> " in \"" + s + "\"").orElse("");
        }

        public boolean interacts() {
            return true;
        }
    }

    /** Chooses an option of a {@code <select>}, by its value or its label. */
    record Select(String selector, Template option, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "select in \"" + selector + "\"";
        }

        public boolean interacts() {
            return true;
        }
    }

    /** Waits until the page shows a text, shows an element, or reaches a URL; fails with {@code timeout} otherwise. */
    record WaitFor(PageCondition condition, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "waitFor " + condition.describe();
        }
    }

    /** Like {@code waitFor text}, but a text that never shows fails with {@code assertion}: the page is wrong, not slow. */
    record ExpectText(Template text, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "expectText \"" + text + "\"";
        }
    }

    /** The page must not show a text (once it is gone, if it was there); fails with {@code assertion}. */
    record ExpectNoText(Template text, Optional<Duration> timeout, Position position) implements PageAction {
        public String describe() {
            return "expectNoText \"" + text + "\"";
        }
    }
}
