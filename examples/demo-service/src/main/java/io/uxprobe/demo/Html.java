package io.uxprobe.demo;

/** Escaping for the little HTML the demo writes. */
final class Html {

    private Html() {}

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
