package io.uxprobe.probes.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills in a template that may be a URL with user info, {@code https://probe:${secret:PW}@host/}: a value that
 * lands in the user info is {@code %}-encoded, so a password with {@code @}, {@code :} or {@code /} stays the
 * password instead of becoming part of the host or path. Where the user info is follows from the template's own
 * text (its {@code ://}, and its last {@code @} before the first {@code /}, {@code ?} or {@code #}); text as
 * written is left alone, and so is every value outside the user info.
 */
final class UrlRendering {

    private UrlRendering() {}

    static String render(List<Template.Part> parts, Function<String, Optional<String>> values) {
        UserInfo userInfo = userInfo(parts);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String value = switch (parts.get(i)) {
                case Template.Text t -> t.value();
                case Template.Var v -> values.apply(v.name()).orElseThrow(
                        () -> new IllegalStateException("variable ${" + v.name() + "} has no value"));
            };
            boolean filledIn = !(parts.get(i) instanceof Template.Text t) || t.secret();
            b.append(filledIn && userInfo.holds(i) ? encoded(value) : value);
        }
        return b.toString();
    }

    /** The parts strictly between the one with {@code ://} and the one with the user info's closing {@code @}. */
    private record UserInfo(int after, int before) {
        boolean holds(int part) {
            return part > after && part < before;
        }
    }

    private static UserInfo userInfo(List<Template.Part> parts) {
        int scheme = -1;
        int lastAt = -1;
        for (int i = 0; i < parts.size(); i++) {
            // only the file's own text tells the URL's shape: values may hold any character
            if (!(parts.get(i) instanceof Template.Text t) || t.secret()) continue;
            String text = t.value();
            int from = 0;
            if (scheme < 0) {
                int at = text.indexOf("://");
                if (at < 0) continue;
                scheme = i;
                from = at + 3;
            }
            for (int k = from; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '/' || c == '?' || c == '#') return new UserInfo(scheme, lastAt);
                if (c == '@') lastAt = i;
            }
        }
        return new UserInfo(scheme, lastAt);
    }

    /** Every byte but the unreserved ones ({@code A-Z a-z 0-9 - . _ ~}) as {@code %XX}. */
    private static String encoded(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
