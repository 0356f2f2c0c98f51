package io.uxprobe.probes.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks secret values in any text that leaves uxprobe: logs, reports, pages. A secret is found in every form it
 * takes on the wire, as a server may echo it back: as is, {@code %}-encoded (URL, query, form, user info; any
 * mix, either case), with {@code +} for a space, JSON-escaped, and with its whitespace folded or changed (a page
 * shows {@code "a  b"} as {@code "a b"}). The longest secret found at each place is masked whole.
 */
public final class Redactor {

    public static final String MASK = "***";

    private static final Redactor NONE = new Redactor(Set.of());

    private final Set<String> secrets;
    private SecretTrie trie; // built on first use: many redactors are made and never asked

    private Redactor(Set<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor none() {
        return NONE;
    }

    public static Redactor of(Collection<String> secrets) {
        Set<String> kept = new LinkedHashSet<>();
        // a secret of only whitespace would mask every space of every text, and hides nothing
        for (String s : secrets) if (!s.isBlank()) kept.add(s);
        return kept.isEmpty() ? NONE : new Redactor(Set.copyOf(kept));
    }

    /** The secret values as given, for a place that must mask them itself (a page before its screenshot). */
    public Set<String> secrets() {
        return secrets;
    }

    /** A redactor that also masks {@code more}. */
    public Redactor and(Set<String> more) {
        if (secrets.containsAll(more)) return this;
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /** {@code text} with every secret, in any of its forms, replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty() || text.isEmpty()) return text;
        SecretTrie t = trie();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            int end = t.longestAt(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, i).append(MASK);
            i = end;
            copied = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where a secret is in a text: {@code [start, end)}. */
    public record Span(int start, int end) {}

    /** Where the secrets are in {@code text}, in order, each the longest found at its place. */
    public List<Span> spans(String text) {
        if (text == null || secrets.isEmpty()) return List.of();
        SecretTrie t = trie();
        List<Span> found = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = t.longestAt(text, i);
            if (end < 0) {
                i++;
            } else {
                found.add(new Span(i, end));
                i = end;
            }
        }
        return found;
    }

    /** Whether {@code text} holds a secret in any of its forms. */
    public boolean finds(String text) {
        if (text == null || secrets.isEmpty()) return false;
        SecretTrie t = trie();
        for (int i = 0; i < text.length(); i++) if (t.longestAt(text, i) >= 0) return true;
        return false;
    }

    private SecretTrie trie() {
        SecretTrie t = trie;
        if (t == null) {
            t = SecretTrie.of(List.copyOf(secrets));
            trie = t;
        }
        return t;
    }
}
