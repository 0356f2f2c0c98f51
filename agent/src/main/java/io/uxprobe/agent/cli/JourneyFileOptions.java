package io.uxprobe.agent.cli;

import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The journey files a command reads, and the {@code --var}s they are read with: shared by run, validate and serve. */
final class JourneyFileOptions {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Journey files (YAML), or folders of them (their *.yaml and *.yml files).")
    List<Path> files;

    @Option(names = "--var", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Sets a variable, overriding the file's vars: (repeatable).")
    Map<String, String> vars = new LinkedHashMap<>();

    List<JourneyFile> load(Environment env) throws SpecException {
        return JourneyFiles.load(files, vars, env);
    }

    JourneyFile load(Path file, Environment env) throws SpecException {
        return JourneyFiles.load(List.of(file), vars, env).getFirst();
    }
}
