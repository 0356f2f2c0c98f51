package io.uxprobe.probes.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code ${env:…}}, {@code ${file:…}} and {@code ${secret:…}} come from. Tests pass their own. */
public interface Environment {

    Optional<String> variable(String name);

    /** Reads a file; relative paths are relative to {@code baseDir}. */
    default String readFile(Path baseDir, String path) throws IOException {
        Path p = baseDir.resolve(path);
        String text = Files.readString(p, StandardCharsets.UTF_8);
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
