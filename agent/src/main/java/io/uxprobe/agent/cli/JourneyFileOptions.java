package io.uxprobe.agent.cli;

import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The journey files a command reads, and the {@code --var}s they are read with: shared by run, validate and serve. */
final class JourneyFileOptions {

    /** The syntax of a variable name, as {@code ${name}} reads it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final CommandSpec command;

    private final PositionalParamSpec filesArg = PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").required(true)
            .type(List.class).auxiliaryTypes(Path.class)
            .description("Journey files (YAML), or folders of them (their *.yaml and *.yml files).").build();
    private final OptionSpec varOpt = Options.list("--var").paramLabel("NAME=VALUE")
            .description("Sets a variable the files use, overriding their vars: (repeatable); NAME= sets it empty.").build();

    /** Adds {@code FILE...} and {@code --var} to {@code command}, whose usage errors these are. */
    JourneyFileOptions(CommandSpec command) {
        this.command = command;
        command.addPositional(filesArg);
        command.addOption(varOpt);
    }

    /** The files and folders named, as given. */
    List<Path> files() {
        return filesArg.getValue();
    }

    /** The {@code --var}s, name to value; one without {@code =} or with a name no variable can have is a usage error. */
    Map<String, String> vars() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String option : Options.values(varOpt)) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            if (!NAME.matcher(name).matches()) {
                throw usage("--var " + option + ": '" + name + "' is not a variable name (letters, digits, '_', '.' or '-', starting with a letter or '_')");
            }
            if (eq < 0) throw usage("--var " + option + " has no value: write --var " + name + "=VALUE (--var " + name + "= sets it empty)");
            vars.put(name, option.substring(eq + 1));
        }
        return vars;
    }

    List<JourneyFile> load(Environment env) throws SpecException {
        Map<String, String> vars = vars();
        List<JourneyFile> loaded = JourneyFiles.load(files(), vars, env);
        checkVarsUsed(loaded);
        return loaded;
    }

    JourneyFile load(Path file, Environment env) throws SpecException {
        return JourneyFiles.load(List.of(file), vars(), env).getFirst();
    }

    /** A {@code --var} that no file uses is a usage error: most often a typo, which would otherwise be silently ignored. */
    void checkVarsUsed(List<JourneyFile> loaded) {
        Set<String> used = new TreeSet<>();
        loaded.forEach(f -> used.addAll(f.variableNames()));
        List<String> unused = vars().keySet().stream().filter(name -> !used.contains(name)).toList();
        if (unused.isEmpty()) return;
        throw usage("--var " + String.join(", ", unused) + ": no journey file uses " + (unused.size() == 1 ? "this variable" : "these variables")
                + (used.isEmpty() ? "; the files use no variables" : "; the files use " + String.join(", ", used)));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
