package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a backend receives: a {@code traceparent} on every request, one trace per run, one span per step. */
class TraceContextTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    static final HttpClients clients = new HttpClients();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        clients.close();
    }

    @BeforeEach
    void routes() {
        backend.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token\":\"t\"}")));
        backend.stubFor(get("/old-search").willReturn(aResponse().withStatus(302).withHeader("Location", "/api/search")));
        backend.stubFor(get("/api/search").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"results\":[1]}")));
    }

    @Test
    void everyRequestCarriesTheStepsSpanOfTheRunsTrace() throws Exception {
        Journey journey = journey("");

        JourneyResult first = run(journey);
        List<LoggedRequest> firstRequests = backend.getAllServeEvents().reversed().stream().map(e -> e.getRequest()).toList();
        backend.resetRequests();
        JourneyResult second = run(journey);
        List<LoggedRequest> secondRequests = backend.getAllServeEvents().reversed().stream().map(e -> e.getRequest()).toList();

        assertThat(firstRequests).extracting(LoggedRequest::getUrl).containsExactly("/api/login", "/old-search", "/api/search");
        List<Matcher> sent = firstRequests.stream().map(r -> TRACEPARENT.matcher(r.getHeader("traceparent"))).toList();
        assertThat(sent).allMatch(Matcher::matches);
        String traceId = sent.getFirst().group(1);
        assertThat(sent).allMatch(m -> m.group(1).equals(traceId));
        // login is one span; the search step's redirect hop keeps the search step's span
        assertThat(sent.get(1).group(2)).isEqualTo(sent.get(2).group(2)).isNotEqualTo(sent.get(0).group(2));

        assertThat(first.trace()).hasValueSatisfying(t -> {
            assertThat(t.traceId()).isEqualTo(traceId);
            assertThat(t.spanId()).isNotIn(sent.get(0).group(2), sent.get(1).group(2));
        });
        assertThat(first.steps()).extracting(s -> s.spanId().orElseThrow()).containsExactly(sent.get(0).group(2), sent.get(1).group(2));

        // the next run is a new trace
        String secondTrace = TRACEPARENT.matcher(secondRequests.getFirst().getHeader("traceparent")).results().findFirst().orElseThrow().group(1);
        assertThat(secondTrace).isNotEqualTo(traceId).isEqualTo(second.trace().orElseThrow().traceId());
    }

    @Test
    void aJourneyCanTurnItOff() throws Exception {
        backend.resetRequests();
        JourneyResult result = run(journey("    traceContext: false\n"));

        // nothing of ours: a step sends the traceparent its file gives it, or none
        assertThat(backend.getAllServeEvents().reversed()).extracting(e -> e.getRequest().getHeader("traceparent")).containsExactly(
                null, "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-00", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-00");
        assertThat(result.trace()).isEmpty();
        assertThat(result.steps()).allSatisfy(s -> assertThat(s.spanId()).isEmpty());
    }

    @Test
    void idsAreNewEachTimeAndNeverZero() {
        Set<String> traces = new HashSet<>();
        Set<String> spans = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TraceContext run = TraceContext.newTrace();
            traces.add(run.traceId());
            spans.add(run.newSpan().spanId());
            assertThat(run.traceparent()).matches(TRACEPARENT);
        }
        assertThat(traces).hasSize(1000);
        assertThat(spans).hasSize(1000);
        assertThatThrownBy(() -> new TraceContext("0".repeat(32), "00f067aa0ba902b7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00F067AA0BA902B7")).isInstanceOf(IllegalArgumentException.class);
    }

    private Journey journey(String journeyKeys) throws Exception {
        Path file = Files.writeString(dir.resolve("journeys.yaml"), """
                journeys:
                  - name: search
                %s    steps:
                      - name: login
                        request: { method: POST, url: "http://127.0.0.1:%d/api/login", json: { user: demo } }
                      - name: search
                        request: { url: "http://127.0.0.1:%d/old-search", headers: { traceparent: "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-00" } }
                """.formatted(journeyKeys, backend.getPort(), backend.getPort()));
        JourneyFile loaded = new JourneyFileLoader().load(file, Map.of(), Environment.of(Map.of()));
        return loaded.journeys().getFirst();
    }

    private JourneyResult run(Journey journey) {
        JourneyResult result = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC())
                .run(journey, io.uxprobe.probes.template.Variables.of(Map.of()), io.uxprobe.probes.template.Redactor.none());
        assertThat(result.passed()).as("%s", result).isTrue();
        return result;
    }
}
