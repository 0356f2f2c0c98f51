package io.uxprobe.probes.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.uxprobe.probes.check.Comparison;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.JsonMatcher;
import io.uxprobe.probes.check.StatusRange;
import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractor;
import io.uxprobe.probes.journey.Body;
import io.uxprobe.probes.journey.DnsServer;
import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.ProxyServer;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.journey.Request;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.browser.PageAction;
import io.uxprobe.probes.browser.PageExtraction;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.HttpStep;
import io.uxprobe.probes.journey.Step;
import io.uxprobe.probes.journey.StreamSpec;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyFileLoaderTest {

    private static final Path FULL = Path.of("src/test/resources/spec/valid/full.yaml");
    private static final Environment ENV = Environment.of(Map.of("UXPROBE_USER", "alice", "UXPROBE_PASSWORD", "pw-123"));

    @TempDir
    Path dir;

    private final JourneyFileLoader loader = new JourneyFileLoader();

    private JourneyFile full() throws SpecException {
        return loader.load(FULL, Map.of("token2", "from-cli"), ENV);
    }

    @Test
    void fullExampleVarsAndSignatures() throws SpecException {
        JourneyFile file = full();

        assertThat(file.source()).isEqualTo(FULL);
        assertThat(file.vars().asMap()).containsEntry("base", "https://api.example.com")
                .containsEntry("api", "https://api.example.com/api")
                .containsEntry("token2", "from-cli");
        assertThat(file.errorSignatures()).hasSize(2);
        assertThat(file.errorSignatures().get(0)).isEqualTo(new Signature.Text("try_again", "Something went wrong. Try again."));
        Signature.Regex oops = (Signature.Regex) file.errorSignatures().get(1);
        assertThat(oops.id()).isEqualTo("oops");
        assertThat(oops.regex().matcher("OOPS, please try AGAIN").find()).as("case-insensitive").isTrue();
        assertThat(file.secrets()).containsExactly("pw-123");
        assertThat(file.journeys()).extracting(Journey::name).containsExactly("login", "playback");
    }

    @Test
    void settingsMergeBuiltInDefaultsAndJourney() throws SpecException {
        JourneyFile file = full();
        Settings login = file.journeys().get(0).settings();
        Settings playback = file.journeys().get(1).settings();

        assertThat(login.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(login.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(login.stepTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(login.maxBodySize()).isEqualTo(Settings.BUILT_IN.maxBodySize());
        assertThat(login.followRedirects()).isTrue();
        // defaults' user-agent replaces the built-in User-Agent whatever its case
        assertThat(login.headers()).containsOnlyKeys("user-agent", "Accept");
        assertThat(login.headers().get("user-agent")).isEqualTo(Template.literal("uxprobe-test"));

        assertThat(playback.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(playback.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(playback.stepTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(playback.maxBodySize()).isEqualTo(DataSize.ofMiB(1));
        assertThat(playback.followRedirects()).isFalse();
        assertThat(playback.reuseConnections()).isTrue();
        assertThat(playback.headers()).containsOnlyKeys("User-Agent", "Accept");
        assertThat(playback.headers().get("User-Agent")).isEqualTo(Template.literal("uxprobe-player"));
    }

    @Test
    void aBrowserStepWithEveryActionAndExtraction() throws Exception {
        JourneyFile f = loader.load(write("""
                vars: { base: "https://music.example", query: jazz }
                defaults: { stepTimeout: 7s }
                journeys:
                  - name: player
                    steps:
                      - name: login
                        request: { method: POST, url: "${base}/api/login" }
                        extract: { token: { jsonPath: "$.token" } }
                      - name: play
                        browser:
                          open: "${base}/player?t=${token}"
                          actions:
                            - click: "#go"
                            - fill: "#q"
                              value: "${query}"
                              timeout: 2s
                            - { press: Enter, in: "#q" }
                            - select: "#quality"
                              option: High
                            - waitFor: { text: "tracks for" }
                            - waitFor: { selector: "li" }
                            - waitFor: { url: "**/player*" }
                            - expectText: "Blue Hour Walk"
                            - expectNoText: "Sign in"
                          failOnConsoleErrors: true
                        extract:
                          first: { text: "li" }
                          link: { attribute: href, selector: "a.play", secret: true }
                          here: { url: true }
                        errorSignatures: off
                """), Map.of(), Environment.of(Map.of()));
        BrowserStep play = (BrowserStep) f.journeys().getFirst().steps().get(1);
        assertThat(play.open().variables()).containsExactlyInAnyOrder("base", "token");
        assertThat(play.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(play.errorSignatures()).isFalse();
        assertThat(play.failOnConsoleErrors()).isTrue();
        assertThat(play.failOnFailedRequests()).isFalse();
        assertThat(play.interacts()).isTrue();
        assertThat(play.actions()).extracting(PageAction::describe).containsExactly("click \"#go\"", "fill \"#q\"", "press Enter in \"#q\"",
                "select in \"#quality\"", "waitFor text \"tracks for\"", "waitFor selector \"li\"", "waitFor url \"**/player*\"",
                "expectText \"Blue Hour Walk\"", "expectNoText \"Sign in\"");
        assertThat(play.actions().get(1).timeout()).hasValue(Duration.ofSeconds(2));
        assertThat(play.extractions()).containsExactly(
                new PageExtraction("first", new PageExtraction.PageValue.Text("li"), false),
                new PageExtraction("link", new PageExtraction.PageValue.Attribute("a.play", "href"), true),
                new PageExtraction("here", new PageExtraction.PageValue.Url(), false));
    }

    @Test
    void loginStepRequestExpectationsAndExtractions() throws SpecException {
        HttpStep login = (HttpStep) full().journeys().get(0).steps().get(0);

        assertThat(login.name()).isEqualTo("login");
        assertThat(login.position()).isEqualTo(new Position(FULL, 17, 15));
        assertThat(login.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(login.errorSignatures()).isTrue();
        Request request = login.request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url().variables()).containsExactly("api");
        assertThat(request.url().toString()).isEqualTo("${api}/login");
        JsonTemplate.Obj json = (JsonTemplate.Obj) ((Body.Json) request.body()).value();
        assertThat(json.fields()).containsOnlyKeys("username", "password", "remember", "attempts");
        assertThat(json.render(Variables.empty()).toString())
                .isEqualTo("{\"username\":\"alice\",\"password\":\"pw-123\",\"remember\":true,\"attempts\":3}");
        assertThat(json.fields().get("password").toString()).doesNotContain("pw-123");

        List<Expectation> expect = login.expectations();
        assertThat(expect).hasSize(5);
        assertThat(expect.get(0)).isEqualTo(new Expectation.Status(List.of(StatusRange.exactly(200))));
        assertThat(expect.get(1)).isEqualTo(new Expectation.MaxDuration(Duration.ofMillis(800)));
        Expectation.JsonPath token = (Expectation.JsonPath) expect.get(2);
        assertThat(token.path()).isEqualTo("$.token");
        assertThat(token.matchers()).containsExactly(new JsonMatcher.Exists(true));
        Expectation.JsonPath roles = (Expectation.JsonPath) expect.get(3);
        assertThat(roles.matchers()).containsExactly(
                new JsonMatcher.Length(new Comparison(Comparison.Operator.GT, BigDecimal.ZERO)));
        Expectation.JsonPath userName = (Expectation.JsonPath) expect.get(4);
        assertThat(userName.matchers()).hasSize(2);
        assertThat(((JsonMatcher.EqualTo) userName.matchers().get(0)).expected().render(Variables.empty()).asText()).isEqualTo("alice");
        assertThat(((JsonMatcher.Matches) userName.matchers().get(1)).regex().pattern()).isEqualTo("^[a-z]+$");

        assertThat(login.extractions()).hasSize(2);
        Extraction tokenExtraction = login.extractions().get(0);
        assertThat(tokenExtraction.variable()).isEqualTo("token");
        assertThat(tokenExtraction.secret()).isTrue();
        assertThat(((Extractor.JsonPath) tokenExtraction.from()).path()).isEqualTo("$.token");
        assertThat(login.extractions().get(1)).isEqualTo(new Extraction("session", new Extractor.Cookie("SESSION"), false));
    }

    @Test
    void profileStepQueryBodyTextsAndRegexGroups() throws SpecException {
        HttpStep profile = (HttpStep) full().journeys().get(0).steps().get(1);

        assertThat(profile.errorSignatures()).isFalse();
        assertThat(profile.request().method()).isEqualTo("GET");
        assertThat(profile.request().query()).containsExactly(
                new Request.QueryParam("fields", Template.literal("name")),
                new Request.QueryParam("fields", Template.literal("email")),
                new Request.QueryParam("verbose", Template.literal("true")));
        assertThat(profile.request().headers().get("Authorization").variables()).containsExactly("token");
        assertThat(profile.expectations()).hasSize(4);
        assertThat(profile.expectations().get(0))
                .isEqualTo(new Expectation.Status(List.of(StatusRange.ofClass(2), StatusRange.exactly(304))));
        assertThat(profile.expectations().get(1)).isEqualTo(new Expectation.BodyContains(Template.literal("Hello")));
        assertThat(((Expectation.BodyContains) profile.expectations().get(2)).text().variables()).containsExactly("token");
        assertThat(profile.expectations().get(3)).isEqualTo(new Expectation.BodyNotContains(Template.literal("Sorry")));

        List<Extraction> extractions = profile.extractions();
        assertThat(extractions).extracting(Extraction::variable).containsExactly("userId", "whole", "second", "requestId");
        assertThat(((Extractor.Regex) extractions.get(0).from()).group()).as("a regex with groups defaults to group 1").isEqualTo(1);
        assertThat(((Extractor.Regex) extractions.get(1).from()).group()).as("a regex without groups defaults to 0").isEqualTo(0);
        assertThat(((Extractor.Regex) extractions.get(2).from()).group()).isEqualTo(2);
        assertThat(extractions.get(3).from()).isEqualTo(new Extractor.Header("X-Request-Id"));
    }

    @Test
    void playbackStepsStreamsBodiesAndOverrides() throws SpecException {
        List<Step> steps = full().journeys().get(1).steps();
        HttpStep track = (HttpStep) steps.get(0);
        HttpStep audio = (HttpStep) steps.get(1);
        HttpStep clip = (HttpStep) steps.get(2);
        HttpStep note = (HttpStep) steps.get(3);

        assertThat(track.request().followRedirects()).as("from the journey").isFalse();
        assertThat(track.maxBodySize()).isEqualTo(DataSize.ofMiB(1));
        assertThat(track.stream()).isEmpty();

        assertThat(audio.request().followRedirects()).as("the request's own").isTrue();
        assertThat(audio.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(audio.maxBodySize()).isEqualTo(DataSize.ofMiB(2));
        assertThat(audio.request().headers()).containsOnlyKeys("Range");
        assertThat(audio.stream()).contains(new StreamSpec(Optional.of(StreamSpec.DEFAULT_READ), Optional.empty(),
                Duration.ofSeconds(2), Optional.of(DataSize.ofKiB(16))));
        assertThat(audio.expectations()).containsExactly(
                new Expectation.Status(List.of(StatusRange.exactly(200), StatusRange.exactly(206))),
                new Expectation.Header("Content-Type", "audio/*"));

        assertThat(clip.request().method()).isEqualTo("PUT");
        assertThat(((Body.Form) clip.request().body()).fields()).containsOnlyKeys("a", "b");
        assertThat(clip.stream()).contains(new StreamSpec(Optional.empty(), Optional.of(Duration.ofSeconds(10)),
                StreamSpec.DEFAULT_STALL_AFTER, Optional.empty()));

        assertThat(((Body.Raw) note.request().body()).text().toString()).isEqualTo("plain ${base}");
        assertThat(note.expectations()).hasSize(3);
        assertThat(((Expectation.BodyMatches) note.expectations().get(1)).regex().pattern()).isEqualTo("done$");
        assertThat(((Expectation.JsonPath) note.expectations().get(2)).matchers()).containsExactly(
                new JsonMatcher.Compare(new Comparison(Comparison.Operator.GTE, new BigDecimal("1.5"))),
                new JsonMatcher.Compare(new Comparison(Comparison.Operator.LT, BigDecimal.TEN)),
                new JsonMatcher.Length(new Comparison(Comparison.Operator.EQ, new BigDecimal("3"))));
    }

    @Test
    void varOverrideAppliesBeforeDependentVarsRender() throws Exception {
        Path file = write("""
                vars:
                  base: https://api.example.com
                  api: ${base}/v1
                  password: ${secret:NOT_SET}
                journeys:
                  - name: j
                    steps:
                      - name: s
                        request: { url: "${api}/me", headers: { X-Extra: "${extra}" } }
                """);

        JourneyFile loaded = loader.load(file,
                Map.of("base", "http://localhost:8080", "password", "cli", "extra", "added"), Environment.of(Map.of()));

        assertThat(loaded.vars().asMap())
                .containsEntry("base", "http://localhost:8080")
                .containsEntry("api", "http://localhost:8080/v1")
                .containsEntry("password", "cli")
                .containsEntry("extra", "added");
        assertThat(loaded.secrets()).isEmpty();
    }

    @Test
    void secretsComeFromTheEnvironmentOrFromAFileAndStaySecretThroughVars() throws Exception {
        Files.writeString(dir.resolve("db-password"), "from-file\n");
        Path file = write("""
                vars:
                  apiKey: ${secret:API_KEY}
                  dsn: "db://user:${secret:DB_PASSWORD}@db"
                  auth: "Key ${apiKey}"
                  plain: hello
                journeys:
                  - name: j
                    steps:
                      - name: s
                        request: { url: "https://example.com/?k=${secret:QUERY_KEY}", headers: { Authorization: "${auth}" } }
                """);
        Environment env = Environment.of(Map.of(
                "API_KEY", "k-1", "DB_PASSWORD_FILE", dir.resolve("db-password").toString(), "QUERY_KEY", "q-9"));

        JourneyFile loaded = loader.load(file, Map.of(), env);

        assertThat(loaded.vars().asMap()).containsEntry("dsn", "db://user:from-file@db").containsEntry("auth", "Key k-1");
        assertThat(loaded.vars().secretValues()).containsExactlyInAnyOrder("k-1", "db://user:from-file@db", "Key k-1");
        assertThat(loaded.secrets()).containsExactlyInAnyOrder("k-1", "from-file", "db://user:from-file@db", "Key k-1", "q-9");
        assertThat(loaded.redactor().redact("sent Key k-1 and q-9")).isEqualTo("sent *** and ***");
        assertThat(((HttpStep) loaded.journeys().getFirst().steps().getFirst()).request().url().toString())
                .isEqualTo("https://example.com/?k=***");
    }

    @Test
    void nullsMeanAbsentAndScalarsOfAnyTypeAreText() throws Exception {
        Path file = write("""
                defaults:
                  timeout: ~
                  headers:
                journeys:
                  - name: 2024
                    steps:
                      - name: true
                        request: { url: "https://example.com/", method: ~ }
                        expect: { status: "2xx", jsonPath: { "$.a": { equals: ~ }, "$.b": { equals: [1, "x", { c: false }] } } }
                        stream:
                          read: 1MiB
                """);

        Journey journey = loader.load(file, Map.of(), Environment.of(Map.of())).journeys().getFirst();

        assertThat(journey.name()).isEqualTo("2024");
        assertThat(journey.settings()).isEqualTo(Settings.BUILT_IN);
        HttpStep step = (HttpStep) journey.steps().getFirst();
        assertThat(step.name()).isEqualTo("true");
        assertThat(step.request().method()).isEqualTo("GET");
        assertThat(step.expectations().getFirst()).isEqualTo(new Expectation.Status(List.of(StatusRange.ofClass(2))));
        JsonMatcher.EqualTo isNull = (JsonMatcher.EqualTo) ((Expectation.JsonPath) step.expectations().get(1)).matchers().getFirst();
        assertThat(isNull.expected()).isEqualTo(new JsonTemplate.Scalar(JsonNodeFactory.instance.nullNode()));
        JsonMatcher.EqualTo list = (JsonMatcher.EqualTo) ((Expectation.JsonPath) step.expectations().get(2)).matchers().getFirst();
        assertThat(list.expected().render(Variables.empty()).toString()).isEqualTo("[1,\"x\",{\"c\":false}]");
        assertThat(step.stream()).contains(new StreamSpec(Optional.of(DataSize.ofMiB(1)), Optional.empty(),
                StreamSpec.DEFAULT_STALL_AFTER, Optional.empty()));
    }

    @Test
    void tlsCaFileIsResolvedNextToTheJourneyFile() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), new HeldCertificate.Builder().certificateAuthority(0).build().certificatePem());
        Path file = write("""
                defaults:
                  tls: { caFile: certs/ca.pem }
                journeys:
                  - name: j
                    tls: { insecure: true }
                    steps:
                      - name: s
                        request: { url: "https://example.com/" }
                """);

        Settings settings = loader.load(file, Map.of(), Environment.of(Map.of())).journeys().getFirst().settings();

        assertThat(settings.tls().caFile()).contains(dir.resolve("certs/ca.pem").toAbsolutePath().normalize());
        assertThat(settings.tls().insecure()).isTrue();
    }

    @Test
    void extractedVariablesDoNotCrossJourneys() throws Exception {
        Path file = write("""
                journeys:
                  - name: j
                    steps:
                      - name: a
                        request: { url: "https://example.com/" }
                        extract: { id: { regex: "id=(\\\\d+)" } }
                  - name: k
                    steps:
                      - name: b
                        request: { url: "https://example.com/${id}" }
                """);

        assertThatThrownBy(() -> loader.load(file, Map.of(), Environment.of(Map.of())))
                .as("extractions do not cross journeys")
                .hasMessage(file + ":10:46: undefined variable ${id}: define it under vars:, pass --var id=..., "
                        + "or extract it in an earlier step");
    }

    @Test
    void templateErrorsInEscapedScalarsPointAtTheScalar() throws Exception {
        Path file = write("""
                journeys:
                  - name: j
                    steps:
                      - name: s
                        request: { url: "https://example.com/\\"${nope}" }
                """);

        assertThatThrownBy(() -> loader.load(file, Map.of(), Environment.of(Map.of())))
                .hasMessageStartingWith(file + ":5:25: undefined variable ${nope}");
    }

    @Test
    void agentRegionAndRegionsWithTheirProxiesAndDnsServers() throws Exception {
        Path file = write("""
                vars:
                  proxyUser: probe
                agent:
                  region: eu-west
                regions:
                  - name: eu-west
                    proxy: "http://${proxyUser}:${secret:PROXY_PW}@proxy-eu.internal:3128"
                    dns: 10.0.0.2
                  - name: us-east
                    proxy: socks5://proxy-us.internal:1080
                  - name: ap-south
                    proxy: HTTPS://[fd00::1]:8443/
                    dns: "[fd00::53]:5353"
                  - name: local
                    dns: dns.internal:5353
                journeys:
                  - name: j
                    steps:
                      - name: s
                        request: { url: "https://example.com/" }
                """);

        JourneyFile loaded = loader.load(file, Map.of(), Environment.of(Map.of("PROXY_PW", "pw:with@signs")));

        assertThat(loaded.agentRegion()).contains("eu-west");
        assertThat(loaded.regions()).containsExactly(
                new Region("eu-west", new Position(file, 6, 11), Optional.of(new ProxyServer(ProxyServer.Type.HTTP, "proxy-eu.internal", 3128,
                        Optional.of(new ProxyServer.Credentials("probe", "pw:with@signs")))), Optional.of(new DnsServer("10.0.0.2", 53)), Variables.empty()),
                new Region("us-east", new Position(file, 9, 11), Optional.of(new ProxyServer(ProxyServer.Type.SOCKS5, "proxy-us.internal", 1080,
                        Optional.empty())), Optional.empty(), Variables.empty()),
                new Region("ap-south", new Position(file, 11, 11), Optional.of(new ProxyServer(ProxyServer.Type.HTTPS, "fd00::1", 8443,
                        Optional.empty())), Optional.of(new DnsServer("fd00::53", 5353)), Variables.empty()),
                new Region("local", new Position(file, 14, 11), Optional.empty(), Optional.of(new DnsServer("dns.internal", 5353)), Variables.empty()));
        assertThat(loaded.regions().getFirst().egress())
                .isEqualTo(new Egress(loaded.regions().getFirst().proxy(), loaded.regions().getFirst().dns()));
        // the password, and the Proxy-Authorization credentials it goes out as: base64 of probe:pw:with@signs
        assertThat(loaded.secrets()).containsExactlyInAnyOrder("pw:with@signs", "cHJvYmU6cHc6d2l0aEBzaWducw==");
        assertThat(loaded.regions().getFirst().toString()).doesNotContain("pw:with@signs");
        assertThat(loaded.regions().getFirst().proxy().orElseThrow()).hasToString("http://proxy-eu.internal:3128");
        assertThat(loaded.regions().get(2).proxy().orElseThrow()).hasToString("https://[fd00::1]:8443");
    }

    @Test
    void aProxyPasswordIsASecretEvenWhenWrittenOut() throws Exception {
        Path file = write("""
                regions:
                  - name: eu-west
                    proxy: "http://probe:hunter2@proxy-eu.internal:3128"
                journeys:
                  - name: j
                    steps:
                      - name: s
                        request: { url: "https://example.com/" }
                """);

        JourneyFile loaded = loader.load(file, Map.of(), Environment.of(Map.of()));

        assertThat(loaded.agentRegion()).isEmpty();
        assertThat(loaded.secrets()).containsExactlyInAnyOrder("hunter2", "cHJvYmU6aHVudGVyMg==");
        assertThat(loaded.redactor().redact("proxy said hunter2")).isEqualTo("proxy said ***");
        assertThat(loaded.redactor().redact("Proxy-Authorization: Basic cHJvYmU6aHVudGVyMg==")).isEqualTo("Proxy-Authorization: Basic ***");
    }

    @Test
    void withoutAgentOrRegionsTheAgentProbesFromOnePlace() throws SpecException {
        JourneyFile file = full();

        assertThat(file.agentRegion()).isEmpty();
        assertThat(file.regions()).isEmpty();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("journeys.yaml"), yaml);
    }

    @Test
    void regionsGiveVarsTheirOwnValues() throws Exception {
        Path file = write("""
                vars:
                  base: http://localhost:8080
                  token: none
                regions:
                  - name: eu-west
                    vars: { base: "http://eu.example.com", token: "${secret:EU_TOKEN}" }
                  - name: us-east
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "${base}/", headers: { Authorization: "Bearer ${token}" } }
                """);
        JourneyFile loaded = loader.load(file, Map.of(), Environment.of(Map.of("EU_TOKEN", "eu-s3cret")));

        Variables eu = loaded.regions().get(0).varsOver(loaded.vars());
        Variables us = loaded.regions().get(1).varsOver(loaded.vars());
        assertThat(eu.get("base")).contains("http://eu.example.com");
        assertThat(eu.get("token")).contains("eu-s3cret");
        assertThat(eu.secretValues()).containsExactly("eu-s3cret");
        assertThat(us.get("base")).contains("http://localhost:8080");
        assertThat(loaded.secrets()).contains("eu-s3cret");
    }

    @Test
    void notifyAndStatePolicy() throws Exception {
        Path file = write("""
                vars: { hooks: "https://hooks.example.com" }
                notify:
                  statusUrl: https://uxprobe.example.com/
                  webhooks:
                    - url: "${hooks}/T000/${secret:SLACK_TOKEN}"
                      format: slack
                      template: "We are seeing {journey} failures in {regions} since {since} UTC."
                    - url: https://ops.example.com/hook
                      headers: { Authorization: "Bearer ${secret:OPS_TOKEN}" }
                defaults: { failureThreshold: 3, retries: 1 }
                journeys:
                  - name: home
                    successThreshold: 2
                    steps:
                      - name: home
                        request: { url: "https://example.com/" }
                """);
        JourneyFile loaded = loader.load(file, Map.of(), Environment.of(Map.of("SLACK_TOKEN", "xoxb-1", "OPS_TOKEN", "ops-2")));

        NotifySpec notify = loaded.notifications();
        assertThat(notify.statusUrl()).contains("https://uxprobe.example.com/");
        assertThat(notify.webhooks()).hasSize(2);
        assertThat(notify.webhooks().get(0).url()).isEqualTo("https://hooks.example.com/T000/xoxb-1");
        assertThat(notify.webhooks().get(0).format()).isEqualTo(NotifySpec.Format.SLACK);
        assertThat(notify.webhooks().get(0).template()).contains("We are seeing {journey} failures in {regions} since {since} UTC.");
        assertThat(notify.webhooks().get(1).headers()).containsEntry("Authorization", "Bearer ops-2");
        assertThat(notify.webhooks().get(1).format()).isEqualTo(NotifySpec.Format.JSON);
        assertThat(notify.webhooks().toString()).doesNotContain("xoxb-1", "ops-2");
        assertThat(loaded.secrets()).contains("xoxb-1", "ops-2");
        assertThat(loaded.journeys().getFirst().settings().state()).isEqualTo(new io.uxprobe.probes.journey.StatePolicy(3, 2, 1));
    }
}
