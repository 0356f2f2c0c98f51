package io.uxprobe.agent.cli;

import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Checks journey files without running them: syntax, keys, types, durations, variables.",
                "Environment variables and secrets they use must be set. Exits 0 when all are valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    UxprobeCommand parent;

    @Mixin
    JourneyFileOptions journeyFiles;

    @Override
    public Integer call() {
        int code = ExitCodes.PASSED;
        List<Path> files;
        try {
            files = JourneyFiles.expand(journeyFiles.files);
        } catch (SpecException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        for (Path file : files) {
            try {
                JourneyFile loaded = journeyFiles.load(file, parent.environment);
                int steps = loaded.journeys().stream().mapToInt(j -> j.steps().size()).sum();
                spec.commandLine().getOut().printf("%s: ok (%s: %s; %s)%n", file, count(loaded.journeys().size(), "journey"),
                        String.join(", ", loaded.journeys().stream().map(Journey::name).toList()), count(steps, "step"));
            } catch (SpecException e) {
                spec.commandLine().getErr().println(e.getMessage());
                code = ExitCodes.USAGE;
            }
        }
        if (code == ExitCodes.PASSED && files.size() > 1) {
            try {
                journeyFiles.load(parent.environment);
            } catch (SpecException e) {
                spec.commandLine().getErr().println(e.getMessage());
                code = ExitCodes.USAGE;
            }
        }
        return code;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
