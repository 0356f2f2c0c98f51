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

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Environment of(Map<String, String> variables) {
        return name -> Optional.ofNullable(variables.get(name));
    }
}
