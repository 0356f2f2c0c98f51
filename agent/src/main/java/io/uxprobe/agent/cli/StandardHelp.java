package io.uxprobe.agent.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} for a command built with picocli's programmatic API, worded as
 * picocli's {@code mixinStandardHelpOptions}, which would read them from annotations by reflection.
 */
final class StandardHelp {

    private StandardHelp() {}

    static void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
    }
}
