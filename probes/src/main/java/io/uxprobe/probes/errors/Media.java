package io.uxprobe.probes.errors;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.htmlunit.cssparser.dom.MediaListImpl;
import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.media.MediaQuery;
import org.htmlunit.cssparser.parser.media.MediaQueryList;

/**
 * Which {@code @media} rules apply: uxprobe reads a page as a desktop browser shows it, a 1280 x 800 screen in
 * light mode with a mouse. A feature it does not know makes the query false, as a browser treats one it does not
 * support.
 */
final class Media {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private Media() {}

    /** A {@code media} attribute's query list. */
    static boolean matches(String mediaAttribute) {
        try {
            MediaQueryList list = new CSSOMParser().parseMedia(mediaAttribute);
            return list == null || list.getLength() == 0 || list.getMediaQueries().stream().anyMatch(Media::matches);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    static boolean matches(MediaListImpl media) {
        if (media == null || media.getLength() == 0) return true;
        for (int i = 0; i < media.getLength(); i++) {
            if (matches(media.mediaQuery(i))) return true;
        }
        return false;
    }

    private static boolean matches(MediaQuery q) {
        String type = q.getMedia() == null ? "all" : q.getMedia().strip().toLowerCase(Locale.ROOT);
        boolean holds = (type.isEmpty() || type.equals("all") || type.equals("screen")) && features(q.getProperties());
        return q.isNot() != holds;
    }

    private static boolean features(List<Property> features) {
        for (Property f : features) {
            String value = f.getValue() == null ? "" : f.getValue().getCssText().strip().toLowerCase(Locale.ROOT);
            if (!feature(f.getName().strip().toLowerCase(Locale.ROOT), value)) return false;
        }
        return true;
    }

    private static boolean feature(String name, String value) {
        return switch (name) {
            case "min-width" -> WIDTH >= pixels(value);
            case "max-width" -> WIDTH <= pixels(value);
            case "width" -> WIDTH == pixels(value);
            case "min-height" -> HEIGHT >= pixels(value);
            case "max-height" -> HEIGHT <= pixels(value);
            case "orientation" -> value.equals("landscape");
            case "prefers-color-scheme" -> value.equals("light");
            case "prefers-reduced-motion", "prefers-contrast" -> value.equals("no-preference");
            case "hover", "any-hover" -> value.isEmpty() || value.equals("hover");
            case "pointer", "any-pointer" -> value.isEmpty() || value.equals("fine");
            case "color" -> true;
            default -> false;
        };
    }

    /** A length in CSS pixels: {@code 768px}, {@code 48em} (16 px each); NaN for what it cannot read, which no comparison holds for. */
    private static double pixels(String value) {
        try {
            if (value.endsWith("px")) return Double.parseDouble(value.substring(0, value.length() - 2));
            if (value.endsWith("rem")) return 16 * Double.parseDouble(value.substring(0, value.length() - 3));
            if (value.endsWith("em")) return 16 * Double.parseDouble(value.substring(0, value.length() - 2));
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
