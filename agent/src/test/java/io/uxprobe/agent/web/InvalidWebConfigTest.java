package io.uxprobe.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in {@code web/invalid/} is a web config that must be refused; its first line says with which message:
 * {@code # expect: …}, where {@code {file}} is the config file and {@code {dir}} its directory. The file is loaded
 * from a directory that also holds server.crt, server.key, ca.crt, other.key and encrypted.key.
 */
class InvalidWebConfigTest {

    @TempDir
    Path dir;

    static Stream<String> invalidFiles() throws IOException, URISyntaxException {
        Path invalid = Path.of(InvalidWebConfigTest.class.getResource("/web/invalid").toURI());
        try (Stream<Path> files = Files.list(invalid)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidFiles")
    void isRefusedWithItsMessage(String name) throws Exception {
        Certificates.write(dir);
        Files.copy(resource("/web/encrypted.key"), dir.resolve("encrypted.key"));
        Path file = dir.resolve("web.yml");
        Files.copy(resource("/web/invalid/" + name), file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).startsWith("# expect: ");
        String expected = lines.getFirst().substring("# expect: ".length())
                .replace("{file}", file.toString()).replace("{dir}", dir.toString());

        assertThatThrownBy(() -> WebConfigLoader.load(file))
                .isInstanceOf(WebConfigException.class)
                .satisfies(e -> {
                    if (expected.endsWith("...")) {
                        assertThat(e.getMessage()).startsWith(expected.substring(0, expected.length() - 3));
                    } else {
                        assertThat(e.getMessage()).isEqualTo(expected);
                    }
                });
    }

    @Test
    void aWebConfigFileThatIsNotThereIsAnError() {
        // a typo in --web.config.file must not quietly serve /metrics without the login it asked for
        Path file = dir.resolve("web.yml");
        assertThatThrownBy(() -> WebConfigLoader.load(file)).hasMessage(file + ": no such file");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InvalidWebConfigTest.class.getResource(name).toURI());
    }
}
