package io.uxprobe.agent.cli;

import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uxprobe validate FILE...}. Its command line is built with picocli's programmatic API, as {@link CheckCommand}'s is. */
final class ValidateCommand implements Callable<Integer> {

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("validate").versionProvider(new VersionProvider());

    private final Environment environment;
    private final JourneyFileOptions journeyFiles;

    ValidateCommand(Environment environment) {
        this.environment = environment;
        spec.usageMessage().description("Checks journey files without running them: syntax, keys, types, durations, variables, files they read.",
                "Environment variables they use must be set; secrets need only be named well (their values are not needed).",
                "Exits 0 when all are valid, 2 otherwise, 3 when uxprobe itself broke.");
        journeyFiles = new JourneyFileOptions(spec);
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        journeyFiles.vars(); // a malformed --var is a usage error before any file is read
        List<Path> files;
        try {
            files = JourneyFiles.expand(journeyFiles.files());
        } catch (SpecException e) {
            return invalid(e);
        }
        // validate checks that a secret is named and well-formed; its value is for run and serve
        Environment env = environment.withoutSecretValues();
        int code = ExitCodes.PASSED;
        List<JourneyFile> valid = new ArrayList<>();
        for (Path file : files) {
            try {
                valid.add(journeyFiles.load(file, env));
            } catch (SpecException e) {
                code = invalid(e);
            }
        }
        if (code == ExitCodes.PASSED && files.size() > 1) {
            try {
                JourneyFiles.load(journeyFiles.files(), journeyFiles.vars(), env); // names unique across the files
            } catch (SpecException e) {
                return invalid(e);
            }
        }
        if (code == ExitCodes.PASSED) journeyFiles.checkVarsUsed(valid);
        for (JourneyFile loaded : valid) {
            int steps = loaded.journeys().stream().mapToInt(j -> j.steps().size()).sum();
            spec.commandLine().getOut().printf("%s: ok (%s: %s; %s)%n", loaded.source(), count(loaded.journeys().size(), "journey"),
                    String.join(", ", loaded.journeys().stream().map(Journey::name).toList()), count(steps, "step"));
        }
        return code;
    }

    private int invalid(SpecException e) {
        spec.commandLine().getErr().println(Printable.line(e.getMessage()));
        return ExitCodes.USAGE;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
