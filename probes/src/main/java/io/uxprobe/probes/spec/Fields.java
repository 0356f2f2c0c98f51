package io.uxprobe.probes.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The keys of one mapping in a journey file, checked against the keys it may have. */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String context;

    private Fields(YamlNode.Mapping mapping, String context) {
        this.mapping = mapping;
        this.context = context;
    }

    /**
     * @param what how the value is named when it is not a mapping ({@code 'request'})
     * @param context where the keys are, for messages ({@code in step 'login'})
     * @param allowed every key the mapping may have, in the order the user should read them
     */
    static Fields of(YamlNode node, String what, String context, List<String> allowed) throws SpecException {
        YamlNode.Mapping mapping = Values.mapping(node, what);
        for (YamlNode.Mapping.Entry e : mapping.entries()) {
            if (!allowed.contains(e.key())) {
                throw new SpecException(e.keyPosition(), "unknown key '" + e.key() + "' " + context
                        + "; expected one of: " + String.join(", ", allowed) + suggestion(e.key(), allowed));
            }
        }
        return new Fields(mapping, context);
    }

    YamlNode.Mapping mapping() {
        return mapping;
    }

    String context() {
        return context;
    }

    /** The key with a value; a key set to {@code ~} counts as absent. */
    Optional<YamlNode.Mapping.Entry> entry(String key) {
        return mapping.entry(key).filter(e -> !(e.value() instanceof YamlNode.Null));
    }

    /** The entries among {@code keys} that have a value, in file order. */
    List<YamlNode.Mapping.Entry> present(List<String> keys) {
        return mapping.entries().stream().filter(e -> keys.contains(e.key()) && !(e.value() instanceof YamlNode.Null)).toList();
    }

    Optional<YamlNode> get(String key) {
        return entry(key).map(YamlNode.Mapping.Entry::value);
    }

    boolean has(String key) {
        return entry(key).isPresent();
    }

    /** Reads one value; {@code what} is the quoted key, as messages name it. */
    @FunctionalInterface
    interface Reader<T> {
        T read(YamlNode node, String what) throws SpecException;
    }

    <T> Optional<T> read(String key, Reader<T> reader) throws SpecException {
        Optional<YamlNode> node = get(key);
        return node.isPresent() ? Optional.of(reader.read(node.get(), "'" + key + "'")) : Optional.empty();
    }

    <T> T read(String key, Reader<T> reader, T otherwise) throws SpecException {
        return read(key, reader).orElse(otherwise);
    }

    YamlNode require(String key) throws SpecException {
        Optional<YamlNode.Mapping.Entry> e = mapping.entry(key);
        if (e.isEmpty()) throw new SpecException(mapping.position(), "missing required key '" + key + "' " + context);
        if (e.get().value() instanceof YamlNode.Null n) {
            throw new SpecException(n.position(), "'" + key + "' " + context + " needs a value");
        }
        return e.get().value();
    }

    private static String suggestion(String key, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, key.length() / 3)) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
