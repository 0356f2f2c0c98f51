package io.uxprobe.probes.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Masks secret values in any text that leaves uxprobe: logs, reports, pages. */
public final class Redactor {

    public static final String MASK = "***";

    private static final Redactor NONE = new Redactor(List.of());

    // longest first, so a secret that contains another is masked whole
    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor none() {
        return NONE;
    }

    public static Redactor of(Collection<String> secrets) {
        return new Redactor(secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** A redactor that also masks {@code more}. */
    public Redactor and(Set<String> more) {
        if (more.isEmpty()) return this;
        return of(Stream.concat(secrets.stream(), more.stream()).toList());
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String out = text;
        for (String s : secrets) out = out.replace(s, MASK);
        return out;
    }
}
