package io.uxprobe.agent.launcher;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 (agent/pom.xml) so that any JRE can load it. It checks the Java version
 * before any class of uxprobe, compiled for Java 25, is loaded: an older JRE gets one line and exit 2, the usage
 * code, instead of an {@code UnsupportedClassVersionError} stack trace and exit 1, which CI would read as "the service
 * is broken". Then it hands over to {@code io.uxprobe.agent.cli.Main}. Only Java 8 APIs may be used here.
 */
public final class Launcher {

    /** The Java release uxprobe is compiled for. */
    static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(2);
        }
        try {
            Class.forName("io.uxprobe.agent.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Why this Java cannot run uxprobe, in one line; null when it can. */
    static String problem(String specificationVersion, String javaHome) {
        int release = release(specificationVersion);
        if (release >= NEEDED) return null;
        return "uxprobe: needs Java " + NEEDED + " or newer, but this is Java " + specificationVersion + " (" + javaHome
                + "); install a JRE 25, or run ./uxprobe, which finds one";
    }

    /** {@code 1.8} is 8, {@code 17} is 17; what cannot be read counts as too old. */
    static int release(String specificationVersion) {
        if (specificationVersion == null) return 0;
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
