package io.uxprobe.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile target echoes every request back, in the encodings uxprobe applied to its secrets: the query string, a
 * form, a JSON body, Basic credentials from the URL's user info, a header, folded whitespace. Through the real CLI
 * (console, JUnit XML, JSON report) and a serving agent (its log, {@code /} and {@code /api/status}), no form of any
 * secret, and no piece of one, is ever shown.
 */
class HostileEncodingTest {

    /** Every character some encoder changes: + @ / " & % space, a non-ASCII letter, \ : # ? */
    static final String PASSWORD = "S3cr3t+V@l/ue \"q\" & 100% é\\ :#?";
    /** Header-safe, for a header. */
    static final String API_KEY = "k3y-7Hq9xZ-d41d8cd9";
    /** Runs of whitespace a page folds. */
    static final String SPACED = "open   sesame\t42";

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of("PASSWORD", PASSWORD, "API_KEY", API_KEY, "SPACED", SPACED);

    @TempDir
    static Path dir;
    static RawServer target;
    static Path journeys;

    @BeforeAll
    static void start() throws Exception {
        target = new RawServer((head, socket, out) -> answer(head, read(head, socket.getInputStream()), out));
        journeys = dir.resolve("journeys.yaml");
        Files.writeString(journeys, """
                vars:
                  base: %1$s
                defaults: { interval: 5s, timeout: 4s }
                journeys:
                  - name: query
                    steps:
                      - name: search
                        request: { url: "${base}/query", query: { pw: "${secret:PASSWORD}" } }
                  - name: form
                    steps:
                      - name: login
                        request: { method: POST, url: "${base}/form", form: { user: probe, password: "${secret:PASSWORD}" } }
                  - name: json
                    steps:
                      - name: login
                        request: { method: POST, url: "${base}/json", json: { user: probe, password: "${secret:PASSWORD}" } }
                  - name: userinfo
                    steps:
                      - name: private
                        request: { url: "http://probe:${secret:PASSWORD}@%2$s/private" }
                  - name: header
                    steps:
                      - name: key
                        request: { url: "${base}/key", headers: { X-Api-Key: "${secret:API_KEY}" } }
                        expect: { headers: { X-Echo: "nope*" } }
                  - name: jsonpath
                    steps:
                      - name: echo
                        request: { url: "${base}/jsonpath", query: { pw: "${secret:PASSWORD}" } }
                        errorSignatures: off
                        expect: { jsonPath: { "$.echo": { equals: "something else" } } }
                  - name: folded
                    steps:
                      - name: greet
                        request: { method: POST, url: "${base}/folded", form: { phrase: "${secret:SPACED}" } }
                """.formatted(target.url(""), target.url("").substring("http://".length())));
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
    }

    /** Echoes the request into each kind of answer uxprobe reads: error pages, JSON errors, headers, JSON values. */
    static void answer(String head, String body, java.io.OutputStream out) throws Exception {
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        String path = requestLine.split(" ")[1].split("\\?")[0];
        List<String> extra = new ArrayList<>();
        String type = "text/html";
        String page = switch (path) {
            case "/query" -> "<html><body><div role=\"alert\">Something went wrong. Your request: " + requestLine + "</div></body></html>";
            case "/form" -> {
                type = "application/json";
                yield JSON.writeValueAsString(Map.of("error", Map.of("message", "could not sign in with " + body)));
            }
            case "/json" -> {
                type = "text/plain";
                yield "Service temporarily unavailable, try again later. You sent: " + body;
            }
            case "/private" -> {
                type = "application/json";
                yield JSON.writeValueAsString(Map.of("error", "denied: " + header(head, "Authorization")));
            }
            case "/key" -> {
                extra.add("X-Echo: " + header(head, "X-Api-Key"));
                yield "ok";
            }
            case "/jsonpath" -> {
                type = "application/json";
                yield JSON.writeValueAsString(Map.of("echo", requestLine.split(" ")[1].split("\\?")[1]));
            }
            case "/folded" -> "<html><body><p role=\"alert\">Something went wrong for "
                    + URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8) + ", try again.</p></body></html>";
            default -> "?";
        };
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: " + type + "; charset=utf-8\r\nConnection: close\r\n");
        for (String e : extra) h.append(e).append("\r\n");
        RawServer.write(out, h.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").toString());
        out.write(bytes);
        out.flush();
    }

    static String header(String head, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ": *(.*)$").matcher(head);
        return m.find() ? m.group(1).strip() : "";
    }

    static String read(String head, java.io.InputStream in) throws Exception {
        String length = header(head, "Content-Length");
        return length.isEmpty() ? "" : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }

    /** Every form the secrets take on the wire, and the pieces of them that would give one away. */
    static List<String> forms() throws Exception {
        List<String> forms = new ArrayList<>(List.of(PASSWORD, API_KEY, SPACED, "S3cr3t", "7Hq9xZ", "sesame", "open sesame 42"));
        forms.add(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        forms.add(HttpUrl.get("http://x/").newBuilder().addQueryParameter("pw", PASSWORD).build().encodedQuery().substring(3));
        Buffer form = new Buffer();
        new FormBody.Builder(StandardCharsets.UTF_8).add("password", PASSWORD).build().writeTo(form);
        forms.add(form.readUtf8().substring("password=".length()));
        forms.add(HttpUrl.get("http://x/").newBuilder().password(PASSWORD).build().encodedPassword());
        String json = JSON.writeValueAsString(PASSWORD);
        forms.add(json.substring(1, json.length() - 1));
        String ascii = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(PASSWORD);
        forms.add(ascii.substring(1, ascii.length() - 1));
        forms.add(Base64.getEncoder().encodeToString(("probe:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    static void showsNoSecret(String where, String text) throws Exception {
        for (String form : forms()) assertThat(text).as("%s shows %s:%n%s", where, form, text).doesNotContain(form);
    }

    @Test
    void runShowsNoFormOfASecretInTheConsoleOrTheReports() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Path json = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(ENV), "run", journeys.toString(),
                "--report-junit", junit.toString(), "--report-json", json.toString());

        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        // each journey met its echo where it was meant to: the secrets really went to the outputs' sources
        assertThat(out.toString()).contains("FAIL query", "FAIL form", "FAIL json", "FAIL userinfo", "FAIL header", "FAIL jsonpath",
                "FAIL folded", "error_message", "assertion: header X-Echo", "assertion: $.echo", "***");
        assertThat(target.heads).anyMatch(h -> h.contains("Authorization: Basic "));
        showsNoSecret("the console", out.toString());
        showsNoSecret("stderr", err.toString());
        showsNoSecret("the JUnit report", Files.readString(junit));
        showsNoSecret("the JSON report", Files.readString(json));
    }

    @Test
    void serveShowsNoFormOfASecretInItsLogStatusPageOrApi() throws Exception {
        StringWriter log = new StringWriter();
        ServeConfig config = new ServeConfig(List.of(journeys), Map.of(), Optional.of("eu-west"), new InetSocketAddress("127.0.0.1", 0),
                Optional.empty(), 8, Duration.ofSeconds(1), false);
        Agent agent = Agent.start(config, Environment.of(ENV), new RunLog(new PrintWriter(log, true), RunLog.Format.TEXT, Clock.systemUTC()));
        try {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!agent.ready() && System.nanoTime() < end) Thread.sleep(50);
            assertThat(agent.ready()).as("every journey ran once").isTrue();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + agent.port();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(api).contains("error_message", "***");
            showsNoSecret("the log", log.toString());
            showsNoSecret("the status page", page);
            showsNoSecret("/api/status", api);
        } finally {
            agent.stop(Duration.ZERO);
        }
    }
}
