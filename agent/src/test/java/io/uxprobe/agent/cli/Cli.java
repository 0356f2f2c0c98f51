package io.uxprobe.agent.cli;

import io.uxprobe.probes.template.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the uxprobe CLI in-process, as a user would from a shell, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(env), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
