package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a user in a broken region sees, that the other regions do not see it, and that healing ends it. */
class OutageTest {

    private static final Duration SLOW = Duration.ofMillis(1200);
    private static final String TRY_AGAIN_JSON = "{\"error\":{\"message\":\"Something went wrong. Try again.\"}}";
    private static final String GRAPHQL_JSON = "{\"data\":null,\"errors\":[{\"message\":\"Upstream service unavailable\"}]}";

    private static DemoService demo;
    private static String eu;
    private static String us;

    @BeforeAll
    static void start() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("eu-west", 0);
        ports.put("us-east", 0);
        ports.put("ap-south", 0);
        demo = DemoService.start(ports, DemoService.Options.defaults().withSlowDelay(SLOW));
        eu = demo.baseUrl("eu-west");
        us = demo.baseUrl("us-east");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @AfterEach
    void heal() {
        demo.regions().forEach(r -> demo.outage(r, Outage.NONE));
    }

    private static void assertHealthy(String base) {
        Http.Answer search = Http.get(base + "/api/search?q=jazz");
        assertThat(search.code()).isEqualTo(200);
        assertThat(search.contentType()).isEqualTo("application/json");
        assertThat(search.body()).contains("\"total\":5");
        Http.Answer audio = Http.get(base + "/stream/42.mp3", "Range", "bytes=0-99");
        assertThat(audio.code()).isEqualTo(206);
        assertThat(audio.contentType()).isEqualTo("audio/mpeg");
    }

    private static Http.Answer login(String base) {
        return Http.postJson(base + "/api/login", "{\"username\":\"ann\",\"password\":\"let-me-listen\"}");
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void onlyTheBrokenRegionIsBrokenHealthzStaysGreenAndHealingRestoresIt(Outage outage) {
        demo.outage("eu-west", outage);

        assertThat(demo.outage("eu-west")).isEqualTo(outage);
        assertHealthy(us);
        assertHealthy(demo.baseUrl("ap-south"));
        Http.Answer health = Http.get(eu + "/healthz");
        assertThat(health.code()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(Http.get(eu + "/admin/outage").body()).contains("\"eu-west\":\"" + outage.id() + "\"");

        demo.outage("eu-west", Outage.NONE);
        assertHealthy(eu);
    }

    @Test
    void softHtmlAnswers200WithABannerPageToEveryPageAndApiCall() {
        demo.outage("eu-west", Outage.SOFT_HTML);

        for (Http.Answer a : new Http.Answer[] {login(eu), Http.get(eu + "/api/search?q=jazz"), Http.get(eu + "/api/tracks/42"),
                Http.get(eu + "/"), Http.get(eu + "/stream/42.mp3", "Range", "bytes=0-")}) {
            assertThat(a.code()).isEqualTo(200);
            assertThat(a.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(a.body()).contains("<div class=\"banner error\" role=\"alert\">Something went wrong. Try again.</div>");
        }
    }

    @Test
    void softJsonAnswers200WithAnErrorObjectToApiCallsOnly() {
        demo.outage("eu-west", Outage.SOFT_JSON);

        for (Http.Answer a : new Http.Answer[] {login(eu), Http.get(eu + "/api/search?q=jazz"), Http.get(eu + "/api/tracks/42")}) {
            assertThat(a.code()).isEqualTo(200);
            assertThat(a.contentType()).isEqualTo("application/json");
            assertThat(a.body()).isEqualTo(TRY_AGAIN_JSON);
        }
        assertThat(Http.get(eu + "/").body()).contains("region eu-west");
        assertThat(Http.get(eu + "/stream/42.mp3", "Range", "bytes=0-9").code()).isEqualTo(206);
    }

    @Test
    void graphqlAnswers200WithNullDataAndAnErrorsListToApiCalls() {
        demo.outage("eu-west", Outage.GRAPHQL);

        for (Http.Answer a : new Http.Answer[] {login(eu), Http.get(eu + "/api/search?q=jazz")}) {
            assertThat(a.code()).isEqualTo(200);
            assertThat(a.contentType()).isEqualTo("application/json");
            assertThat(a.body()).isEqualTo(GRAPHQL_JSON);
        }
        assertThat(Http.get(eu + "/").code()).isEqualTo(200);
    }

    @Test
    void gateway503AnswersEverythingWithNginxsPage() {
        demo.outage("eu-west", Outage.GATEWAY_503);

        for (Http.Answer a : new Http.Answer[] {login(eu), Http.get(eu + "/api/search?q=jazz"), Http.get(eu + "/"),
                Http.get(eu + "/stream/42.mp3", "Range", "bytes=0-")}) {
            assertThat(a.code()).isEqualTo(503);
            assertThat(a.contentType()).isEqualTo("text/html");
            assertThat(a.header("Server")).isEqualTo("nginx");
            assertThat(a.body()).contains("<center><h1>503 Service Temporarily Unavailable</h1></center>", "<hr><center>nginx</center>");
        }
    }

    @Test
    void slowDelaysEveryResponseButNotHealthz() {
        demo.outage("eu-west", Outage.SLOW);

        long start = System.nanoTime();
        Http.Answer search = Http.get(eu + "/api/search?q=jazz");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(search.code()).isEqualTo(200);
        assertThat(search.body()).contains("\"total\":5");
        assertThat(took).isGreaterThanOrEqualTo(SLOW);

        start = System.nanoTime();
        assertThat(Http.get(eu + "/healthz").code()).isEqualTo(200);
        assertThat(Http.get(us + "/api/search?q=jazz").code()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SLOW);
    }

    @Test
    void resetClosesTheConnectionWithoutAnAnswer() {
        demo.outage("eu-west", Outage.RESET);

        for (Request r : new Request[] {new Request.Builder().url(eu + "/api/search?q=jazz").build(),
                new Request.Builder().url(eu + "/").build(),
                new Request.Builder().url(eu + "/api/login").post(okhttp3.RequestBody.create("{}", null)).build()}) {
            assertThatThrownBy(() -> Http.send(r))
                    .isInstanceOf(UncheckedIOException.class)
                    .cause().isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void resetAlsoHitsAConnectionThatWasHealthyWhenItOpened() {
        OkHttpClient client = Http.CLIENT.newBuilder().connectionPool(new okhttp3.ConnectionPool()).build();
        Request search = new Request.Builder().url(eu + "/api/search?q=jazz").build();
        try (Response r = client.newCall(search).execute()) {
            assertThat(r.code()).isEqualTo(200);
            r.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(1);

        demo.outage("eu-west", Outage.RESET);

        assertThatThrownBy(() -> client.newCall(search).execute().close()).isInstanceOf(IOException.class);
    }

    @Test
    void stallSends16KiBThenNothingWhileHoldingTheConnection() throws IOException {
        demo.outage("eu-west", Outage.STALL);
        OkHttpClient client = Http.CLIENT.newBuilder().readTimeout(Duration.ofMillis(2500)).build();

        try (Response r = client.newCall(new Request.Builder().url(eu + "/stream/42.mp3").header("Range", "bytes=0-").build()).execute();
                InputStream in = r.body().byteStream()) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Type")).isEqualTo("audio/mpeg");
            readFully(in, 16 * 1024);

            long start = System.nanoTime();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aStalledStreamCarriesOnOnceTheRegionHeals() throws IOException {
        demo.outage("eu-west", Outage.STALL);

        try (Response r = Http.CLIENT.newCall(new Request.Builder().url(eu + "/stream/42.mp3").header("Range", "bytes=0-99999").build()).execute();
                InputStream in = r.body().byteStream()) {
            readFully(in, 16 * 1024);
            Thread.ofVirtual().start(() -> {
                sleep(Duration.ofMillis(500));
                demo.outage("eu-west", Outage.NONE);
            });
            assertThat(in.readAllBytes()).hasSize(100_000 - 16 * 1024);
        }
    }

    @Test
    void emptySearchFindsNothingWhileTheRestWorks() {
        demo.outage("eu-west", Outage.EMPTY_SEARCH);

        Http.Answer a = Http.get(eu + "/api/search?q=jazz&limit=10");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("application/json");
        assertThat(a.body()).isEqualTo("{\"query\":\"jazz\",\"total\":0,\"results\":[]}");
        assertThat(login(eu).code()).isEqualTo(200);
        assertThat(Http.get(eu + "/api/tracks/42").code()).isEqualTo(200);
    }

    /** Not readNBytes: okio blocks on its final zero-length read, waiting for bytes a stalled stream never sends. */
    private static void readFully(InputStream in, int n) throws IOException {
        new java.io.DataInputStream(in).readFully(new byte[n]);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
