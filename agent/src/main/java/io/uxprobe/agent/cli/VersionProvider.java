package io.uxprobe.agent.cli;

import io.uxprobe.agent.Version;
import picocli.CommandLine;

/** {@code --version}: uxprobe's version (set at build time) and the Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"uxprobe " + Version.current(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
