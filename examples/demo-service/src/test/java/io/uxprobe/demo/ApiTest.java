package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoService demo;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoService.start(Map.of("eu-west", 0));
        base = demo.baseUrl("eu-west");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static JsonNode json(Http.Answer a) throws IOException {
        return JSON.readTree(a.body());
    }

    @Test
    void loginGivesATokenAndASessionCookieThatBothOpenTheProfile() throws IOException {
        Http.Answer login = Http.postJson(base + "/api/login", "{\"username\":\"ann\",\"password\":\"let-me-listen\"}");

        assertThat(login.code()).isEqualTo(200);
        assertThat(login.contentType()).isEqualTo("application/json");
        String token = json(login).path("token").asText();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(login.header("Set-Cookie")).isEqualTo("session=" + token + "; Path=/; HttpOnly");

        Http.Answer byToken = Http.get(base + "/api/me", "Authorization", "Bearer " + token);
        assertThat(byToken.code()).isEqualTo(200);
        assertThat(json(byToken).path("name").asText()).isEqualTo("ann");
        assertThat(json(byToken).path("region").asText()).isEqualTo("eu-west");

        Http.Answer byCookie = Http.get(base + "/api/me", "Cookie", "theme=dark; session=" + token);
        assertThat(byCookie.code()).isEqualTo(200);
        assertThat(json(byCookie).path("name").asText()).isEqualTo("ann");
    }

    @Test
    void eachLoginGetsItsOwnToken() throws IOException {
        String one = json(Http.postJson(base + "/api/login", "{\"username\":\"ann\",\"password\":\"let-me-listen\"}")).path("token").asText();
        String two = json(Http.postJson(base + "/api/login", "{\"username\":\"ann\",\"password\":\"let-me-listen\"}")).path("token").asText();
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void wrongPasswordOrNoNameIs401WithTheMessageAUserSees() {
        for (String body : new String[] {"{\"username\":\"ann\",\"password\":\"nope\"}", "{\"username\":\"\",\"password\":\"let-me-listen\"}", "{}"}) {
            Http.Answer a = Http.postJson(base + "/api/login", body);
            assertThat(a.code()).as(body).isEqualTo(401);
            assertThat(a.contentType()).isEqualTo("application/json");
            assertThat(a.body()).isEqualTo("{\"error\":{\"message\":\"Wrong user name or password.\"}}");
            assertThat(a.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void loginWantsJsonAndPost() {
        assertThat(Http.postJson(base + "/api/login", "username=ann").code()).isEqualTo(400);
        Http.Answer get = Http.get(base + "/api/login");
        assertThat(get.code()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void profileWithoutAValidTokenIs401() {
        assertThat(Http.get(base + "/api/me").code()).isEqualTo(401);
        Http.Answer forged = Http.get(base + "/api/me", "Authorization", "Bearer not-a-token");
        assertThat(forged.code()).isEqualTo(401);
        assertThat(forged.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void searchFindsSeveralJazzTracksWithIdTitleAndArtist() throws IOException {
        Http.Answer a = Http.get(base + "/api/search?q=jazz&limit=10");

        assertThat(a.code()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("application/json");
        JsonNode body = json(a);
        assertThat(body.path("query").asText()).isEqualTo("jazz");
        assertThat(body.path("total").asInt()).isEqualTo(5);
        assertThat(body.path("results")).hasSize(5);
        assertThat(body.path("results").get(0).toString()).isEqualTo("{\"id\":\"42\",\"title\":\"Blue Hour Walk\",\"artist\":\"The Quiet Quartet\"}");
    }

    @Test
    void searchLimitsResultsButCountsThemAll() throws IOException {
        JsonNode body = json(Http.get(base + "/api/search?q=JAZZ&limit=2", "Authorization", "Bearer anything"));
        assertThat(body.path("total").asInt()).isEqualTo(5);
        assertThat(body.path("results")).hasSize(2);
    }

    @Test
    void searchMatchesEveryWordInTitleArtistOrGenre() throws IOException {
        JsonNode body = json(Http.get(base + "/api/search?q=ribeiro+bossa"));
        assertThat(body.path("total").asInt()).isEqualTo(1);
        assertThat(body.path("results").get(0).path("id").asText()).isEqualTo("13");
        assertThat(json(Http.get(base + "/api/search?q=polka")).path("results")).isEmpty();
    }

    @Test
    void searchWithoutAQueryOrWithABadLimitIs400() {
        assertThat(Http.get(base + "/api/search").code()).isEqualTo(400);
        assertThat(Http.get(base + "/api/search?q=jazz&limit=0").code()).isEqualTo(400);
        assertThat(Http.get(base + "/api/search?q=jazz&limit=many").code()).isEqualTo(400);
    }

    @Test
    void trackGivesAnAbsoluteStreamUrlOnTheHostTheClientUsed() throws IOException {
        Http.Answer a = Http.get(base + "/api/tracks/42");

        assertThat(a.code()).isEqualTo(200);
        JsonNode t = json(a);
        assertThat(t.path("id").asText()).isEqualTo("42");
        assertThat(t.path("title").asText()).isEqualTo("Blue Hour Walk");
        assertThat(t.path("artist").asText()).isEqualTo("The Quiet Quartet");
        assertThat(t.path("durationSeconds").asInt()).isEqualTo(214);
        assertThat(t.path("streamUrl").asText()).isEqualTo(base + "/stream/42.mp3");

        String viaName = "http://localhost:" + demo.port("eu-west");
        assertThat(json(Http.get(viaName + "/api/tracks/42")).path("streamUrl").asText()).isEqualTo(viaName + "/stream/42.mp3");
        Http.Answer proxied = Http.send(new Request.Builder().url(base + "/api/tracks/7").header("Host", "music.example:8443").build());
        assertThat(json(proxied).path("streamUrl").asText()).isEqualTo("http://music.example:8443/stream/7.mp3");
    }

    @Test
    void unknownTrackIs404Json() throws IOException {
        Http.Answer a = Http.get(base + "/api/tracks/999");
        assertThat(a.code()).isEqualTo(404);
        assertThat(a.contentType()).isEqualTo("application/json");
        assertThat(json(a).path("error").path("message").asText()).isEqualTo("No track with id '999'.");
    }

    @Test
    void homePageNamesTheRegion() {
        Http.Answer a = Http.get(base + "/");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(a.body()).contains("<h1>uxprobe demo music — region eu-west</h1>");
    }

    @Test
    void healthzSaysOk() {
        Http.Answer a = Http.get(base + "/healthz");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("ok\n");
    }

    @Test
    void unknownPathsAre404() {
        assertThat(Http.get(base + "/nope").code()).isEqualTo(404);
        assertThat(Http.get(base + "/api/nope").contentType()).isEqualTo("application/json");
    }
}
