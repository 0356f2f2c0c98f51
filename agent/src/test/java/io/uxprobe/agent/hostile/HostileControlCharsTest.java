package io.uxprobe.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.agent.cli.ExitCodes;
import io.uxprobe.agent.cli.Main;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.serve.Agent;
import io.uxprobe.agent.serve.ServeConfig;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.testing.RawServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers with terminal escapes (ANSI colours, an OSC window title, a screen clear), NUL and BEL in its
 * body, its headers and the values a journey extracts from it. None of them may reach a terminal, break the JUnit
 * XML, or show raw in the logs, the status page or /api/status: every output shows them as visible pictures.
 */
class HostileControlCharsTest {

    /** What the server puts everywhere it can: an OSC title, a colour, a screen clear, NUL, BEL, a C1 CSI, a bidi override. */
    static final String HOSTILE = "\u001b]0;owned\u0007\u001b[31mred\u001b[2J\u0000\u0007\u009b1m\u202eevil";

    @TempDir
    Path dir;
    RawServer server;

    @BeforeEach
    void hostileServer() throws Exception {
        server = new RawServer((socket, out) -> {
            byte[] body = ("Sold out " + HOSTILE + " next=" + HOSTILE.replace(" ", "") + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; x=" + "\u001b[31m" + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Three journeys, each failing on the hostile text in its own way: a body excerpt, a header, a URL made of an extracted value. */
    Path journeys() throws Exception {
        Path file = dir.resolve("hostile.yaml");
        Files.writeString(file, """
                vars: { base: "%s" }
                defaults: { interval: 1s, timeout: 1s }
                journeys:
                  - name: body
                    steps:
                      - name: page
                        request: { url: "${base}/" }
                        expect: { bodyNotContains: "Sold out" }
                  - name: header
                    steps:
                      - name: page
                        request: { url: "${base}/" }
                        expect: { headers: { Content-Type: "audio/*" } }
                  - name: extracted
                    steps:
                      - name: page
                        request: { url: "${base}/" }
                        extract: { next: { regex: 'next=(\\S+)' } }
                      - name: next
                        request: { url: "${base}/${next}" }
                        expect: { status: 404 }
                """.formatted(server.url("")));
        return file;
    }

    @Test
    void runShowsControlCharactersAsPicturesInTheConsoleAndEveryReport() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Path json = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(Map.of()), "run", journeys().toString(),
                "--report-junit", junit.toString(), "--report-json", json.toString());

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("body contains \"Sold out\"", "␛[31mred", "␀", "header Content-Type");
        assertNoControls("console", out.toString());
        assertNoControls("stderr", err.toString());

        String xml = Files.readString(junit);
        assertNoControls("JUnit XML", xml);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("failure").getLength()).as("a well-formed report CI can read").isEqualTo(3);

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> texts = new ArrayList<>();
        collect(report, texts);
        texts.forEach(t -> assertNoControls("JSON report value", t));
        assertThat(String.join("\n", texts)).contains("␛[31mred");
    }

    @Test
    void checkShowsAHostileErrorPageWithoutItsEscapes() throws Exception {
        try (RawServer page = new RawServer((socket, o) -> {
            byte[] body = ("Something went wrong. " + HOSTILE + " Try again.").getBytes(StandardCharsets.UTF_8);
            o.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.write(body);
            o.flush();
        })) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(Map.of()), "check", page.url("/"));
            assertThat(code).as(out.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(out.toString()).contains("error_message");
            assertNoControls("check", out.toString());
        }
    }

    @Test
    void serveKeepsControlCharactersOutOfItsLogsPageAndApi() throws Exception {
        for (RunLog.Format format : RunLog.Format.values()) {
            StringWriter log = new StringWriter();
            ServeConfig config = new ServeConfig(List.of(journeys()), Map.of(), Optional.of("eu-west"), new InetSocketAddress("127.0.0.1", 0),
                    Optional.empty(), 4, Duration.ofSeconds(1), false);
            Agent agent = Agent.start(config, Environment.of(Map.of()), new RunLog(new PrintWriter(log, true), format, Clock.systemUTC()));
            try {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!agent.ready() && System.nanoTime() < end) Thread.sleep(100);
                assertThat(agent.ready()).as("every journey ran once").isTrue();

                assertThat(log.toString()).contains("␛[31mred");
                assertNoControls(format + " log", log.toString());
                if (format == RunLog.Format.JSON) {
                    for (String line : log.toString().split("\n")) assertThat(new ObjectMapper().readTree(line).isObject()).isTrue();
                }

                HttpClient http = HttpClient.newHttpClient();
                String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertNoControls("status page", page);
                assertThat(page).contains("␛[31mred");
                String api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/api/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                List<String> texts = new ArrayList<>();
                collect(new ObjectMapper().readTree(api), texts);
                texts.forEach(t -> assertNoControls("/api/status value", t));
                assertThat(String.join("\n", texts)).contains("␛[31mred");
            } finally {
                agent.stop(Duration.ofSeconds(1));
            }
        }
    }

    static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) texts.add(node.textValue());
        node.forEach(child -> collect(child, texts));
    }

    /** No C0 control but line breaks, no DEL or C1 control, no bidi override: nothing a terminal or XML parser acts on. */
    static void assertNoControls(String where, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E);
            assertThat(control).as("%s has control U+%04X at %d: %s", where, (int) c, i, text).isFalse();
        }
    }
}
