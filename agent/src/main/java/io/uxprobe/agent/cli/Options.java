package io.uxprobe.agent.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/** The kinds of option the commands declare with picocli's programmatic API, and their values read back. */
final class Options {

    private Options() {}

    /** An option given as often as the user likes, each value kept in order. */
    static OptionSpec.Builder list(String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class);
    }

    /** An option with no value: there or not. */
    static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false);
    }

    /** {@code --max-pages}, alike in run and serve. */
    static OptionSpec maxPages() {
        return OptionSpec.builder("--max-pages").paramLabel("N").type(int.class).defaultValue("2")
                .description("Browser pages open at once, at most, for journeys with browser steps (default ${DEFAULT-VALUE}).").build();
    }

    /** A {@link #list} option's values: none when it was not given. */
    static List<String> values(OptionSpec option) {
        List<String> v = option.getValue();
        return v == null ? List.of() : v;
    }

    /** A {@code NAME=VALUE} option's values: none when it was not given. */
    static <V> Map<String, V> entries(OptionSpec option) {
        Map<String, V> v = option.getValue();
        return v == null ? Map.of() : v;
    }
}
