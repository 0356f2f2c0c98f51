package io.uxprobe.probes.template;

import io.uxprobe.probes.files.SmallFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code ${env:…}}, {@code ${file:…}} and {@code ${secret:…}} come from. Tests pass their own. */
public interface Environment {

    Optional<String> variable(String name);

    /**
     * Reads a file; relative paths are relative to {@code baseDir}. Only a regular file of at most
     * {@link SmallFile#MAX_BYTES} is read: a FIFO, a device or a folder is refused before it is opened.
     */
    default String readFile(Path baseDir, String path) throws IOException {
        Path p = baseDir.resolve(path);
        String text = SmallFile.readUtf8(p, SmallFile.MAX_BYTES);
        // files written by editors and Kubernetes secrets often end in a newline nobody means
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether an unset {@code ${secret:…}} is an error; {@link #withoutSecretValues()} says no. */
    default boolean secretValuesNeeded() {
        return true;
    }

    /**
     * This environment, where an unset secret stands for a placeholder instead of being an error: {@code validate}
     * checks that every secret is named and well-formed, not that its value is at hand.
     */
    default Environment withoutSecretValues() {
        Environment self = this;
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return self.variable(name);
            }

            @Override
            public String readFile(Path baseDir, String path) throws IOException {
                return self.readFile(baseDir, path);
            }

            @Override
            public boolean secretValuesNeeded() {
                return false;
            }
        };
    }

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Environment of(Map<String, String> variables) {
        return name -> Optional.ofNullable(variables.get(name));
    }
}
