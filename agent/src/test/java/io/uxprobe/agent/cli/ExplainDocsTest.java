package io.uxprobe.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code check --explain} examples in docs/cli.md are what check prints for the pages they name (timings aside). */
class ExplainDocsTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "```\\n\\$ uxprobe check --explain http://127\\.0\\.0\\.1:8765/([a-z]+\\.html)\\n(.*?)\\n```", Pattern.DOTALL);
    // durations and the port differ from run to run; everything else must read the same
    private static final Pattern VARYING = Pattern.compile("\\d+(?:\\.\\d+)?(?:ms|s)\\b|127\\.0\\.0\\.1:\\d+|\\b[0-9a-f]{32}\\b"); // times, ports, trace ids

    static HttpServer server;

    record Example(String page, String output) {
        @Override
        public String toString() {
            return page;
        }
    }

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream page = ExplainDocsTest.class.getResourceAsStream("/explain" + exchange.getRequestURI().getPath())) {
                byte[] body = page.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static List<Example> examples() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(Path.of("..", "docs", "cli.md")));
        List<Example> found = new ArrayList<>();
        while (m.find()) found.add(new Example(m.group(1), m.group(2)));
        assertThat(found).extracting(Example::page).contains("news.html", "player.html");
        return found;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void checkExplainPrintsWhatTheDocsShow(Example e) {
        Cli r = Cli.run("check", "--explain", "http://127.0.0.1:" + server.getAddress().getPort() + "/" + e.page());

        assertThat(normal(r.out().strip())).isEqualTo(normal(e.output().strip()));
        assertThat(r.exitCode()).isEqualTo(e.output().startsWith("PASS") ? ExitCodes.PASSED : ExitCodes.FAILED);
    }

    /** Times and the port stand as placeholders; a line's phases are left out, as which happened depends on the run. */
    private static String normal(String out) {
        return VARYING.matcher(out.replaceAll("  \\((?:dns|connect|request)[^)]*\\)", "")).replaceAll("#");
    }
}
