package io.uxprobe.agent.status;

import io.uxprobe.agent.text.Printable;

/** HTML text and attribute escaping: journey names come from files and messages from servers. */
final class Html {

    private Html() {}

    static String esc(String text) {
        String s = Printable.lines(text); // no control character makes the document invalid
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
