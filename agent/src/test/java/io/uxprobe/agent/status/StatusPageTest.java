package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import static io.uxprobe.agent.status.Runs.at;
import static io.uxprobe.agent.status.Runs.errorMessage;
import static io.uxprobe.agent.status.Runs.failed;
import static io.uxprobe.agent.status.Runs.passed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The page and /api/status as text: escaping, content, schema. The browser test renders it for real. */
class StatusPageTest {

    private static final String EVIL = "<script>alert('x')</script>&\"";

    private final StatusBoard board = new StatusBoard(50, Clock.fixed(at(10), ZoneOffset.UTC));

    private void fill() {
        board.register("playback", "eu-west", StatePolicy.DEFAULT);
        board.register("playback", "us-east", StatePolicy.DEFAULT);
        board.register(EVIL, "eu-west", StatePolicy.DEFAULT);
        board.record("eu-west", passed("playback", at(0)), false);
        board.record("eu-west", errorMessage("playback", at(1)), false);
        board.record("eu-west", errorMessage("playback", at(2)), false);
        board.record("us-east", passed("playback", at(2)), false);
        board.record("eu-west", failed(EVIL, at(3), Failure.errorMessage("oops", "<img src=x onerror=alert(1)> Oops"), 200), false);
    }

    @Test
    void everythingFromFilesAndServersIsEscaped() {
        fill();
        String html = new StatusPage(board).render(board.snapshot());
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;").contains("&lt;img src=x onerror=alert(1)&gt; Oops");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("section.journey").stream().map(Element::id)).contains("journey-x3c7363726970743e616c65727428277827293c2f7363726970743e2622");
    }

    @Test
    void theGridShowsStatesInWordsAndTheFailureTheUserSaw() {
        fill();
        Document doc = Jsoup.parse(new StatusPage(board).render(board.snapshot()));
        assertThat(doc.select("table.grid thead th").eachText()).containsExactly("Journey", "eu-west", "us-east");
        Element down = doc.selectFirst("td[data-journey=playback][data-region=eu-west]");
        assertThat(down.className()).isEqualTo("c-down");
        assertThat(down.selectFirst(".badge").text()).isEqualTo("✖ Down");
        assertThat(down.text()).contains("since 12:04:00 UTC").contains("step track · error_message · HTTP 200");
        assertThat(down.selectFirst("q.message").text()).isEqualTo("Something went wrong. Try again.");
        assertThat(doc.selectFirst("td[data-journey=playback][data-region=us-east] .badge").text()).isEqualTo("✔ Up");
        assertThat(doc.selectFirst("td[data-journey=" + EVIL.replace("\"", "\\\"") + "][data-region=us-east]")).isNull();
        assertThat(doc.select("td.none").eachText()).containsExactly("not probed here");
        assertThat(doc.selectFirst("p.overall").text()).as("down in one region of two is degraded").isEqualTo("Degraded: " + EVIL + ", playback");
        assertThat(doc.selectFirst("p.overall").className()).isEqualTo("overall s-degraded");
        assertThat(doc.title()).isEqualTo("uxprobe status: 2 degraded");
    }

    @Test
    void eachJourneyHasASparklineWithStackedPhasesAndItsHistory() {
        fill();
        Document doc = Jsoup.parse(new StatusPage(board).render(board.snapshot()));
        Element playback = doc.getElementById("journey-playback");
        assertThat(playback.select("svg.spark")).hasSize(2);
        Element eu = playback.select("svg.spark").first();
        assertThat(eu.select("g")).hasSize(3);
        assertThat(eu.select("g").first().select("rect").eachAttr("class"))
                .containsExactly("p-dns", "p-connect", "p-tls", "p-request", "p-ttfb", "p-transfer", "p-other");
        assertThat(eu.select("rect.fail")).hasSize(2);
        assertThat(eu.attr("aria-label")).isEqualTo("last 3 runs: last 180 ms, median 180 ms, slowest 320 ms, 2 failed");
        assertThat(playback.select(".legend li").eachText()).containsExactly("dns", "connect", "tls", "request", "ttfb", "transfer", "other", "failed run");

        Element history = playback.selectFirst("details");
        assertThat(history.hasAttr("open")).as("a failing journey shows its history").isTrue();
        assertThat(history.selectFirst("summary").text()).isEqualTo("History: 4 runs, 2 failed");
        assertThat(history.select("tbody tr").stream().map(Element::className)).containsExactly("r-fail", "", "r-fail", "");
        assertThat(history.select("tbody tr").first().text()).contains("12:05:00 UTC", "eu-west", "failed", "Something went wrong. Try again.",
                "error message shown (try_again)", "https://music.example/track");
    }

    @Test
    void theScriptAndStyleAreAllowedByHashAndNothingElse() throws Exception {
        fill();
        Document doc = Jsoup.parse(new StatusPage(board).render(board.snapshot()));
        String script = doc.selectFirst("script").data();
        String style = doc.selectFirst("style").data();
        assertThat(PageAssets.CSP).contains("script-src '" + sha256(script) + "'").contains("style-src '" + sha256(style) + "'")
                .startsWith("default-src 'none'");
        assertThat(doc.select("[style]")).isEmpty();
    }

    @Test
    void theApiHasTheSameContent() throws Exception {
        fill();
        board.record("eu-west", passed("playback", at(3).plusSeconds(1)), false);
        JsonNode json = new ObjectMapper().readTree(StatusApi.render(board.snapshot()));
        assertThat(json.get("generatedAt").asText()).isEqualTo("2025-06-01T12:13:00Z");
        assertThat(json.get("regions").toString()).isEqualTo("[\"eu-west\",\"us-east\"]");
        JsonNode playback = json.get("journeys").get(1);
        assertThat(playback.get("journey").asText()).isEqualTo("playback");
        assertThat(playback.get("state").asText()).isEqualTo("up");
        JsonNode eu = playback.get("regions").get(0);
        assertThat(eu.get("region").asText()).isEqualTo("eu-west");
        assertThat(eu.get("state").asText()).isEqualTo("up");
        assertThat(eu.get("since").asText()).isEqualTo("2025-06-01T12:06:01Z");
        assertThat(eu.get("failureThreshold").asInt()).isEqualTo(2);
        assertThat(eu.get("consecutiveSuccesses").asInt()).isEqualTo(1);
        assertThat(eu.get("lastRun").get("result").asText()).isEqualTo("success");
        assertThat(eu.get("lastRun").has("failure")).isFalse();
        JsonNode failure = eu.get("lastFailure").get("failure");
        assertThat(failure.get("step").asText()).isEqualTo("track");
        assertThat(failure.get("reason").asText()).isEqualTo("error_message");
        assertThat(failure.get("message").asText()).isEqualTo("Something went wrong. Try again.");
        assertThat(failure.get("signature").asText()).isEqualTo("try_again");
        assertThat(failure.get("status").asInt()).isEqualTo(200);
        assertThat(eu.get("history")).hasSize(4);
        JsonNode first = eu.get("history").get(0);
        assertThat(first.get("durationSeconds").asDouble()).isEqualTo(0.32);
        assertThat(first.get("phasesSeconds").get("ttfb").asDouble()).isEqualTo(0.2);
        assertThat(first.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyBoardSaysSo() {
        Document doc = Jsoup.parse(new StatusPage(board).render(board.snapshot()));
        assertThat(doc.selectFirst("p.overall").text()).isEqualTo("No journeys loaded.");
    }

    @Test
    void servedWithItsPolicyNeverCachedAndReadOnly() throws Exception {
        fill();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new StatusPage(board));
        server.createContext("/api/status", new StatusApi(board));
        server.start();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PageAssets.CSP);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).contains("Something went wrong. Try again.");

            var api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/status")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(new ObjectMapper().readTree(api.body()).get("journeys")).hasSize(2);

            var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theLinkBaseIsDerivedFromTheListenAddressAndPointsAtTheJourney() {
        assertThat(StatusUrl.derive(new java.net.InetSocketAddress("127.0.0.1", 9109), 9109, false)).hasToString("http://127.0.0.1:9109/");
        assertThat(StatusUrl.derive(new java.net.InetSocketAddress("::1", 0), 9443, true)).hasToString("https://[0:0:0:0:0:0:0:1]:9443/");
        assertThat(StatusUrl.derive(new java.net.InetSocketAddress(9109), 9109, false).getHost()).isNotBlank().isNotEqualTo("0.0.0.0");
        assertThat(StatusUrl.journey(java.net.URI.create("https://status.example/eu/#top"), "playback"))
                .hasToString("https://status.example/eu/#journey-playback");
    }

    private static String sha256(String s) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
