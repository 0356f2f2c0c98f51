package io.uxprobe.agent.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "uxprobe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plays user journeys against HTTP services and tells what the user saw.",
        footer = {"", "Exit codes: 0 all journeys passed, 1 a journey failed, 2 bad usage or invalid journey file, 3 uxprobe broke.",
                "Docs: docs/journeys.md (file format), docs/cli.md (commands)."})
final class UxprobeCommand implements Runnable {

    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("run", RunCommand::new);
        all.put("check", CheckCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("demo", DemoCommand::new);
        return all;
    }

    /**
     * Adds the commands to {@code cli}. picocli reads a command's options by reflecting over its annotations, some
     * 10 ms a command at start: a one-off {@code check} builds only its own; help, a typo or no command see them all.
     */
    static void addCommands(CommandLine cli, String[] args) {
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where {@code ${env:…}} and {@code ${secret:…}} come from: the process environment, or a test's. */
    final io.uxprobe.probes.template.Environment environment;

    UxprobeCommand(io.uxprobe.probes.template.Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: use run, check, serve, validate or demo");
    }
}
