package io.uxprobe.probes.journey;

import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.JsonMatcher;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import io.uxprobe.probes.testing.RawServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secret echoed by a server is masked before the text around it is folded or cut: no snippet or detail shows
 * the start or end of one, nor one whose whitespace the page folded.
 */
class SecretsInDetailsTest {

    static final String SECRET = "Zq7Xk2Wm9Pv4Lr8Tn3Hs6Yd1";
    static final String SPACED = "open  sesame\t42";

    static final Map<String, String> pages = new ConcurrentHashMap<>();
    static RawServer server;
    static HttpClients clients;
    static JourneyRunner runner;

    @BeforeAll
    static void start() throws Exception {
        server = new RawServer((head, socket, out) -> {
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            String page = pages.getOrDefault(path, "");
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            String type = page.startsWith("{") ? "application/json" : page.startsWith("<") ? "text/html" : "text/plain";
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: " + type + "; charset=utf-8\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            out.write(body);
        });
        clients = new HttpClients();
        runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        clients.close();
    }

    static JourneyResult run(StepBuilder step) {
        return runner.run(journey("j", step.build()), Variables.empty(), Redactor.of(List.of(SECRET, SPACED)));
    }

    /** No five characters in a row of the secret, in any form. */
    static void showsNoPartOf(String secret, JourneyResult r) {
        String shown = r.toString();
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String form : List.of(secret, encoded)) {
            for (int i = 0; i + 5 <= form.length(); i++) {
                assertThat(shown).as("part of %s in %s", form, shown).doesNotContain(form.substring(i, i + 5));
            }
        }
    }

    @Test
    void anErrorSnippetNeverCutsASecretInTwo() {
        // the secret at every distance from the message, in a run without spaces the snippet cannot cut at a word,
        // so one of them straddles the snippet's edge
        for (int filler = 60; filler < 110; filler += 4) {
            String path = "/cut-" + filler;
            pages.put(path, "Something went wrong:" + "w".repeat(filler) + SECRET + "&more=words after it");
            JourneyResult r = run(step("page", server.url(path)));
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
            showsNoPartOf(SECRET, r);
        }
    }

    @Test
    void aSecretThePageFoldedIsMaskedToo() {
        pages.put("/folded", "<html><body><div role=alert>Something went wrong for " + SPACED + ", try again.</div></body></html>");
        JourneyResult r = run(step("page", server.url("/folded")));
        assertThat(r.failure().orElseThrow().snippet()).hasValue("Something went wrong for ***, try again.");
        assertThat(r.toString()).doesNotContain("sesame");
    }

    @Test
    void aJsonPathValueIsMaskedBeforeItIsCut() {
        for (int filler = 40; filler < 90; filler += 4) {
            String path = "/json-" + filler;
            pages.put(path, "{\"echo\": \"" + "e".repeat(filler) + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + " tail\"}");
            JourneyResult r = run(step("api", server.url(path)).noErrorSignatures().expect(new Expectation.JsonPath("$.echo",
                    com.jayway.jsonpath.JsonPath.compile("$.echo"), List.of(new JsonMatcher.EqualTo(new JsonTemplate.Scalar(TextNode.valueOf("x")))))));
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.ASSERTION);
            showsNoPartOf(SECRET, r);
        }
    }

    @Test
    void anExcerptAroundUnwantedTextNeverCutsASecret() {
        for (int filler = 20; filler < 80; filler += 4) {
            String path = "/excerpt-" + filler;
            pages.put(path, "Sold out " + "s".repeat(filler) + SECRET + " tail");
            JourneyResult r = run(step("shop", server.url(path)).noErrorSignatures()
                    .expect(new Expectation.BodyNotContains(StepBuilder.template("Sold out"))));
            assertThat(r.failure().orElseThrow().detail()).startsWith("body contains \"Sold out\": Sold out");
            showsNoPartOf(SECRET, r);
        }
    }
}
