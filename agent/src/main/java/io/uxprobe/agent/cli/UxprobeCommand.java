package io.uxprobe.agent.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uxprobe} itself: the commands under it. Built with picocli's programmatic API (like {@link CheckCommand}),
 * so a one-off check reads no annotation; the other commands still declare theirs.
 */
final class UxprobeCommand implements Runnable {

    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("run", RunCommand::new);
        all.put("check", () -> new CheckCommand().spec());
        all.put("serve", ServeCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("demo", DemoCommand::new);
        return all;
    }

    /**
     * Adds the commands to {@code cli}. picocli reads a command's options by reflecting over its annotations, some
     * 10 ms a command at start: a one-off command builds only its own; help, a typo or no command see them all.
     */
    static void addCommands(CommandLine cli, String[] args) {
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            add(cli, args[0], named);
        } else {
            COMMANDS.forEach((name, command) -> add(cli, name, command));
        }
    }

    private static void add(CommandLine cli, String name, Supplier<Object> command) {
        cli.addSubcommand(name, command.get());
    }

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("uxprobe").versionProvider(new VersionProvider());

    /** Where {@code ${env:…}} and {@code ${secret:…}} come from: the process environment, or a test's. */
    final io.uxprobe.probes.template.Environment environment;

    UxprobeCommand(io.uxprobe.probes.template.Environment environment) {
        this.environment = environment;
        spec.usageMessage().description("Plays user journeys against HTTP services and tells what the user saw.")
                .footer("", "Exit codes: 0 all journeys passed, 1 a journey failed, 2 bad usage or invalid journey file, 3 uxprobe broke.",
                        "Docs: docs/journeys.md (file format), docs/cli.md (commands).");
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use run, check, serve, validate or demo");
    }
}
