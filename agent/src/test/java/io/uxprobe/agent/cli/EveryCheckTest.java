package io.uxprobe.agent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A journey file with every expectation and extractor, run through the CLI against WireMock: it passes against
 * the right answers, and each wrong answer fails the right step with the right reason and detail.
 */
class EveryCheckTest {

    static final Path FILE = Path.of("src/test/resources/journeys/every-check.yaml");
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void rightAnswers() {
        wm.stubFor(post("/api/login").withRequestBody(equalTo("user=ada&password=pw%21"))
                .willReturn(login("{\"token\":\"tok-1\",\"user\":{\"name\":\"ada\",\"age\":36},\"roles\":[\"admin\",\"dj\"],\"flags\":{\"beta\":true}}")));
        wm.stubFor(get(urlPathEqualTo("/home")).withQueryParam("who", equalTo("req-5"))
                .withHeader("Authorization", equalTo("Bearer tok-1")).withHeader("Cookie", containing("session=s-9"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Welcome back</h1><p>id=77</p><p>tracks: 12</p><p>night-owl mode</p></body></html>")));
        wm.stubFor(get("/use/77/owl").willReturn(aResponse().withStatus(204)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder login(String json) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withHeader("X-Request-Id", "req-5")
                .withHeader("Set-Cookie", "session=s-9; Path=/; HttpOnly").withBody(json);
    }

    Cli run() {
        return Cli.run(Map.of("PASSWORD", "pw!"), "run", FILE.toString(), "--var", "base=http://127.0.0.1:" + wm.getPort());
    }

    @Test
    void everyCheckPassesOnTheRightAnswers() {
        Cli r = run();
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.out()).contains("ok    login", "ok    page", "ok    use  GET http://127.0.0.1:" + wm.getPort() + "/use/77/owl  204");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            token missing    | {"user":{"name":"ada","age":36},"roles":["admin","dj"],"flags":{"beta":true}}                               | assertion: $.token: expected to exist, found nothing
            token malformed  | {"token":"x-1","user":{"name":"ada","age":36},"roles":["admin","dj"],"flags":{"beta":true}}                | assertion: $.token: expected to match /^tok-/, got "x-1"
            extra field      | {"token":"tok-1","missing":1,"user":{"name":"ada","age":36},"roles":["admin","dj"],"flags":{"beta":true}} | assertion: $.missing: expected not to exist, found 1
            wrong name       | {"token":"tok-1","user":{"name":"bob","age":36},"roles":["admin","dj"],"flags":{"beta":true}}              | assertion: $.user.name: expected "ada", got "bob"
            too young        | {"token":"tok-1","user":{"name":"ada","age":30},"roles":["admin","dj"],"flags":{"beta":true}}              | assertion: $.user.age: expected > 30, got 30
            too many roles   | {"token":"tok-1","user":{"name":"ada","age":36},"roles":["admin","dj","x"],"flags":{"beta":true}}          | assertion: $.roles: expected length == 2, got 3
            object differs   | {"token":"tok-1","user":{"name":"ada","age":36},"roles":["admin","dj"],"flags":{"beta":false}}             | assertion: $.flags: expected {"beta":true}, got {"beta":false}
            """)
    void aWrongLoginAnswerFailsTheLoginStep(String name, String json, String expected) {
        wm.stubFor(post("/api/login").willReturn(login(json)));
        Cli r = run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL  login", expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no welcome   | <p>id=77</p><p>tracks: 12</p><p>night-owl mode</p>                                   | assertion: body does not contain "Welcome back"
            sold out     | <h1>Welcome back</h1><p>id=77</p><p>tracks: 12</p>Sold out<p>night-owl mode</p>       | assertion: body contains "Sold out"
            no tracks    | <h1>Welcome back</h1><p>id=77</p><p>night-owl mode</p>                               | assertion: body does not match /tracks: \\d+/
            no mode      | <h1>Welcome back</h1><p>id=77</p><p>tracks: 12</p>                                   | extraction: cannot extract second: regex
            """)
    void aWrongPageFailsThePageStep(String name, String html, String expected) {
        wm.stubFor(get(urlPathEqualTo("/home")).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html><body>" + html + "</body></html>")));
        Cli r = run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL  page", expected);
    }

    @Test
    void wrongHeadersAndMissingCookieFail() {
        wm.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("{}")));
        assertThat(run().out()).contains("assertion: header Content-Type: expected application/json*, got text/plain");

        wm.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-5")
                .withBody("{\"token\":\"tok-1\",\"user\":{\"name\":\"ada\",\"age\":36},\"roles\":[\"admin\",\"dj\"],\"flags\":{\"beta\":true}}")));
        assertThat(run().out()).contains("extraction: cannot extract session: cookie session: not set");
    }

    @Test
    void statusAndDurationFail() {
        wm.stubFor(get("/use/77/owl").willReturn(aResponse().withStatus(200)));
        assertThat(run().out()).contains("FAIL  use", "http_status: expected status 204, got 200");

        wm.stubFor(post("/api/login").willReturn(aResponse().withStatus(500)));
        assertThat(run().out()).contains("http_status: expected status 200, got 500");
    }
}
