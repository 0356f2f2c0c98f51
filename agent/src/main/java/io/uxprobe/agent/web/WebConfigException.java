package io.uxprobe.agent.web;

import java.nio.file.Path;

/**
 * A web config file that cannot be used. The message starts with the file ({@code web.yml:3:5: } when the YAML
 * parser knows the place, else {@code web.yml: }), then the setting ({@code tls_server_config.key_file: }), then
 * what was wrong and what was expected.
 */
public final class WebConfigException extends Exception {

    private final Path file;

    WebConfigException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    WebConfigException(Path file, int line, int column, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
