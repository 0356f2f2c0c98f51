package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 200 OK that shows the user an error fails the step with error_message; an app that merely contains the words does not. */
class ErrorMessageTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    static HttpClients clients;

    @BeforeAll
    static void start() {
        clients = new HttpClients();
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    StepResult probe(String path) {
        return probe(List.of(), path);
    }

    StepResult probe(List<Signature> own, String path) {
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(own), Clock.systemUTC());
        return runner.run(journey("j", step("page", "http://127.0.0.1:" + wm.getPort() + path).build()), Variables.empty(), Redactor.none())
                .steps().getFirst();
    }

    void serve(String path, String contentType, String body) {
        wm.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
    }

    @Test
    void soft200HtmlBanner() {
        serve("/home", "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Stream</title></head>
                <body><div class="banner error">Something went wrong.
                   Try again.</div></body></html>""");
        StepResult s = probe("/home");
        assertThat(s.status()).hasValue(200);
        Failure f = s.failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
        assertThat(f.signature()).hasValue("something_went_wrong");
        assertThat(f.snippet().orElseThrow()).contains("Something went wrong. Try again.");
    }

    @Test
    void soft200JsonError() {
        serve("/api/play", "application/json", "{\"data\":null,\"error\":{\"code\":\"E_PLAYBACK\",\"message\":\"Something went wrong. Try again.\"}}");
        Failure f = probe("/api/play").failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
        assertThat(f.signature()).hasValue("something_went_wrong");
    }

    @Test
    void graphqlErrors() {
        wm.stubFor(get("/graphql").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"search\":null},\"errors\":[{\"message\":\"Cannot reach the search service\",\"path\":[\"search\"]}]}")));
        Failure f = probe("/graphql").failure().orElseThrow();
        assertThat(f.reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
        assertThat(f.signature()).hasValue("graphql_error");
        assertThat(f.snippet().orElseThrow()).contains("Cannot reach the search service");
    }

    @Test
    void emptyErrorFieldsAreFine() {
        serve("/api/ok", "application/json", "{\"error\":null,\"errors\":[],\"data\":{\"title\":\"Something went wrong (live)\"}}");
        assertThat(probe("/api/ok").passed()).isTrue();
    }

    @Test
    void healthySinglePageAppShellIsNotAnError() {
        serve("/app", "text/html", """
                <!doctype html>
                <html><head><title>Music</title>
                  <style>.error:after { content: "Something went wrong. Try again." }</style>
                  <script>window.__I18N__ = {"error.generic": "Something went wrong. Try again."};</script>
                </head>
                <body>
                  <div id="root"></div>
                  <!-- <div class="error">Something went wrong. Try again.</div> -->
                  <template id="error-banner"><div>Something went wrong. Try again.</div></template>
                  <div hidden>Something went wrong. Try again.</div>
                  <div class="toast d-none">Something went wrong. Try again.</div>
                  <div style="display: none">Something went wrong. Try again.</div>
                  <noscript>Something went wrong. Try again. Please enable JavaScript.</noscript>
                  <script type="module" src="/assets/index-3f2a.js"></script>
                  <script type="application/json" id="strings">{"oops":"Something went wrong. Try again."}</script>
                </body></html>""");
        StepResult s = probe("/app");
        assertThat(s.passed()).as(s.toString()).isTrue();
    }

    @Test
    void ownSignaturesComeFirstAndCanBeTurnedOff() {
        serve("/oops", "text/html", "<html><body><h1>Oops! We could not load this, try again</h1></body></html>");
        Failure f = probe(List.of(new Signature.Regex("oops", Pattern.compile("Oops.{0,40}(again|later)", Pattern.CASE_INSENSITIVE))), "/oops")
                .failure().orElseThrow();
        assertThat(f.signature()).hasValue("oops");

        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
        StepResult off = runner.run(journey("j", step("page", "http://127.0.0.1:" + wm.getPort() + "/oops").noErrorSignatures().build()),
                Variables.empty(), Redactor.none()).steps().getFirst();
        assertThat(off.passed()).isTrue();
    }

    @Test
    void aGatewayPageIsAHardStatusFailureThatStillNamesItsMessage() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        wm.stubFor(get("/edge").willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(page)));
        wm.stubFor(get("/edge-200").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(page)));

        StepResult hard = probe("/edge");
        StepResult soft = probe("/edge-200");

        assertThat(hard.failure().orElseThrow().reason()).isEqualTo(FailureReason.HTTP_STATUS);
        assertThat(hard.failure().get().signature()).hasValue("bad_gateway");
        assertThat(hard.failure().get().detail()).isEqualTo("expected status 2xx, got 502 · the page says (bad_gateway): \"502 Bad Gateway\"");
        assertThat(hard.status()).hasValue(502);
        assertThat(soft.failure().orElseThrow().reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
        assertThat(soft.failure().get().signature()).hasValue("bad_gateway");
    }

    @Test
    void mediaIsNeverReadForMessages() {
        wm.stubFor(get("/a.mp3").willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody("ID3 Something went wrong. Try again.")));
        assertThat(probe("/a.mp3").passed()).isTrue();
    }
}
