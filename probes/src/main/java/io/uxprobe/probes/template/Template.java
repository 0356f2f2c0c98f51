package io.uxprobe.probes.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A string from a journey file with its {@code ${...}} references parsed.
 * {@code ${env:…}}, {@code ${file:…}} and {@code ${secret:…}} were resolved when the file was loaded;
 * what is left are variables ({@code ${name}}) filled in each run.
 */
public record Template(List<Part> parts) {

    /** A piece of a template. */
    public sealed interface Part permits Text, Var {}

    /** Fixed text; {@code secret} when it came from {@code ${secret:…}}. */
    public record Text(String value, boolean secret) implements Part {}

    /** A reference to a variable: a file var, a {@code --var}, or a value extracted by an earlier step. */
    public record Var(String name) implements Part {}

    public Template {
        parts = List.copyOf(parts);
    }

    public static Template literal(String text) {
        return new Template(text.isEmpty() ? List.of() : List.of(new Text(text, false)));
    }

    /** Names of the variables this template needs, in order of appearance. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) if (p instanceof Var v) names.add(v.name());
        return names;
    }

    /** Secret values fixed in this template. */
    public Set<String> secrets() {
        Set<String> values = new LinkedHashSet<>();
        for (Part p : parts) if (p instanceof Text t && t.secret() && !t.value().isEmpty()) values.add(t.value());
        return values;
    }

    /** Fills in variables. */
    public String render(Variables vars) {
        return render(vars::get);
    }

    /** Fills in variables from {@code values}, a name to its value. */
    public String render(Function<String, Optional<String>> values) {
        if (parts.size() == 1 && parts.getFirst() instanceof Text t) return t.value();
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Text t -> b.append(t.value());
                case Var v -> b.append(values.apply(v.name()).orElseThrow(
                        () -> new IllegalStateException("variable ${" + v.name() + "} has no value")));
            }
        }
        return b.toString();
    }

    /**
     * Fills in variables in a template that may be a URL: a value that lands in its user info
     * ({@code https://probe:${secret:PW}@host/}) is {@code %}-encoded, so it cannot change the host or path.
     */
    public String renderUrl(Function<String, Optional<String>> values) {
        return UrlRendering.render(parts, values);
    }

    /** As {@link #renderUrl(Function)}, with this run's variables. */
    public String renderUrl(Variables vars) {
        return renderUrl(vars::get);
    }

    /** How a person reads it: variables as {@code ${name}}, secrets as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Text t -> b.append(t.secret() ? Redactor.MASK : t.value());
                case Var v -> b.append("${").append(v.name()).append('}');
            }
        }
        return b.toString();
    }
}
