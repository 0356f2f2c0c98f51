package io.uxprobe.agent.cli;

import io.uxprobe.probes.template.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uxprobe} itself: the commands under it. It and every command are built with picocli's programmatic API (see
 * {@link CheckCommand}), so no command line is read from annotations.
 */
final class UxprobeCommand implements Runnable {

    /** The commands, in the order help lists them, each made with where its {@code ${env:…}} and {@code ${secret:…}} come from. */
    private static final Map<String, Function<Environment, CommandSpec>> COMMANDS = commands();

    private static Map<String, Function<Environment, CommandSpec>> commands() {
        Map<String, Function<Environment, CommandSpec>> all = new LinkedHashMap<>();
        all.put("run", env -> new RunCommand(env).spec());
        all.put("check", env -> new CheckCommand().spec());
        all.put("serve", env -> new ServeCommand(env).spec());
        all.put("validate", env -> new ValidateCommand(env).spec());
        all.put("demo", env -> new DemoCommand(env).spec());
        return all;
    }

    /**
     * Adds the commands to {@code cli}, reading {@code env}. Each command's model costs classes and time at start: a
     * one-off command builds only its own; help, a typo or no command see them all.
     */
    static void addCommands(CommandLine cli, String[] args, Environment env) {
        Function<Environment, CommandSpec> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.apply(env));
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.apply(env)));
        }
    }

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("uxprobe").versionProvider(new VersionProvider());

    UxprobeCommand() {
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
