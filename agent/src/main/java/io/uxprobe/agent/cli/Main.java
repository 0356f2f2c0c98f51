package io.uxprobe.agent.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.template.Environment;
import java.util.List;
import picocli.CommandLine;

/** The {@code uxprobe} program. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs a command as {@code main} would, writing to {@code out} and {@code err}; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Environment.system(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with {@code ${env:…}} and {@code ${secret:…}} read from {@code env}. */
    public static int run(PrintWriter out, PrintWriter err, Environment env, String... args) {
        // each journey run resolves names anew, as a new user's device would: no JVM-wide DNS cache
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        CommandLine cli = new CommandLine(new UxprobeCommand().spec());
        UxprobeCommand.addCommands(cli, args, env);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(new ExitCodeMapper());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("uxprobe broke: " + e);
            e.printStackTrace(command.getErr());
            return ExitCodes.BROKEN;
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("uxprobe: " + Printable.line(usageProblem(e)) + suggestion(e, c));
            return ExitCodes.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * What was wrong, in one line. picocli names every argument it could not place as an unknown option, so a typo in
     * an option's name made it call the URL after it unknown too: only arguments that look like options are named.
     */
    private static String usageProblem(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> options = u.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
            if (!options.isEmpty()) return (options.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", options);
            String what = u.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument" : "unknown command";
            return what + (u.getUnmatched().size() == 1 ? " " : "s ") + String.join(", ", u.getUnmatched());
        }
        return e.getMessage();
    }

    /** The option the user most likely meant, else where to read about the command: on the same line. */
    private static String suggestion(CommandLine.ParameterException e, CommandLine c) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        return " (see '" + c.getCommandSpec().qualifiedName() + " --help')";
    }

    /** Exceptions that escape a command: bad usage is 2, anything else means uxprobe broke. */
    private static final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable e) {
            return e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.BROKEN;
        }
    }
}
