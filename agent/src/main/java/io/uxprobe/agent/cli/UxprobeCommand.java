package io.uxprobe.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "uxprobe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plays user journeys against HTTP services and tells what the user saw.",
        subcommands = {RunCommand.class, CheckCommand.class, ServeCommand.class, ValidateCommand.class, DemoCommand.class},
        footer = {"", "Exit codes: 0 all journeys passed, 1 a journey failed, 2 bad usage or invalid journey file, 3 uxprobe broke.",
                "Docs: docs/journeys.md (file format), docs/cli.md (commands)."})
final class UxprobeCommand implements Runnable {

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
