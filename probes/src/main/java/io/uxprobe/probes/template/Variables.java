package io.uxprobe.probes.template;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Values of {@code ${name}} references during one journey run. Immutable: each extraction makes a new one. */
public final class Variables {

    private static final Variables EMPTY = new Variables(Map.of(), Set.of());

    private final Map<String, String> values;
    private final Set<String> secretValues;

    private Variables(Map<String, String> values, Set<String> secretValues) {
        this.values = values;
        this.secretValues = secretValues;
    }

    public static Variables empty() {
        return EMPTY;
    }

    public static Variables of(Map<String, String> values) {
        return new Variables(Map.copyOf(values), Set.of());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A copy with one more value; a secret value is masked in every output from then on. */
    public Variables with(String name, String value, boolean secret) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(name, value);
        Set<String> s = secretValues;
        if (secret && !value.isEmpty()) {
            s = new LinkedHashSet<>(secretValues);
            s.add(value);
        }
        return new Variables(Map.copyOf(v), Set.copyOf(s));
    }

    /** Values added one at a time, for the file's vars: each {@link #with} would copy them all, which is quadratic. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects values, then makes them {@link Variables}; {@link #get} sees what was put so far. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> secretValues = new LinkedHashSet<>();

        private Builder() {}

        public Builder put(String name, String value, boolean secret) {
            values.put(name, value);
            if (secret && !value.isEmpty()) secretValues.add(value);
            return this;
        }

        /** Every value of {@code vars}, secret ones still secret. */
        public Builder putAll(Variables vars) {
            values.putAll(vars.values);
            secretValues.addAll(vars.secretValues);
            return this;
        }

        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public Variables build() {
            return new Variables(Map.copyOf(values), Set.copyOf(secretValues));
        }
    }

    /** Values that must never be printed. */
    public Set<String> secretValues() {
        return secretValues;
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variables v && values.equals(v.values) && secretValues.equals(v.secretValues);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + secretValues.hashCode();
    }
}
