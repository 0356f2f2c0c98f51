package io.uxprobe.probes.browser;

/** One {@code extract:} entry of a browser step: the variable it fills, what of the page, and whether it is secret. */
public record PageExtraction(String variable, PageValue from, boolean secret) {

    /** Where on the page a value is read. */
    public sealed interface PageValue {

        /** The visible text of the first element matching a CSS selector. */
        record Text(String selector) implements PageValue {}

        /** An attribute of the first element matching a CSS selector. */
        record Attribute(String selector, String name) implements PageValue {}

        /** The page's URL at the end of the step. */
        record Url() implements PageValue {}
    }
}
