package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.otlp.OtlpSettings;
import io.uxprobe.agent.testing.OtlpReceiver;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run, found by its trace id everywhere a user looks: the backend's requests carried it, the log line, the
 * status page and /api/status name it, and an OTLP collector (decoding the real protobufs) received the run's spans
 * with the same ids, ERROR with the failure's reason and signature, and the metrics under /metrics' names and labels.
 */
class TraceContextEndToEndTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    @Test
    void aFailedRunIsFoundByItsTraceIdInTheBackendTheLogThePageAndTheCollector() throws Exception {
        backend.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token\":\"t\"}")));
        backend.stubFor(get("/api/me").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><html><head><title>music</title></head><body><h1>music</h1>"
                        + "<div class=\"banner error\" role=\"alert\">Something went wrong. Try again.</div></body></html>")));
        Path file = Files.writeString(dir.resolve("journeys.yaml"), """
                defaults: { interval: 2s, timeout: 1900ms }
                journeys:
                  - name: login
                    steps:
                      - name: login
                        request: { method: POST, url: "http://127.0.0.1:%d/api/login", json: { user: demo } }
                      - name: profile
                        request: { url: "http://127.0.0.1:%d/api/me" }
                """.formatted(backend.getPort(), backend.getPort()));

        try (OtlpReceiver collector = OtlpReceiver.start()) {
            OtlpSettings otlp = OtlpSettings.resolve(Optional.empty(), Environment.of(Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                    "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=s3cret%20key",
                    "OTEL_SERVICE_NAME", "synthetics",
                    "OTEL_METRIC_EXPORT_INTERVAL", "1000")));
            try (AgentFixture agent = AgentFixture.start(file, "eu-west", Map.of(), otlp)) {
                // a run that failed as users saw it (a cold JVM's first may time out instead), found by its log line
                String line = await(() -> agent.log.toString().lines()
                        .filter(l -> l.contains("msg=\"journey run\"") && l.contains("reason=error_message")).findFirst().orElse(null));
                assertThat(line).contains("result=failure", "step=profile");
                Matcher logged = Pattern.compile("trace_id=([0-9a-f]{32})").matcher(line);
                assertThat(logged.find()).as(line).isTrue();
                String traceId = logged.group(1);

                // the backend got that trace on both steps' requests, each step with its own span
                List<LoggedRequest> requests = backend.getAllServeEvents().reversed().stream().map(e -> e.getRequest())
                        .filter(r -> r.getHeader("traceparent").contains(traceId)).toList();
                assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly("/api/login", "/api/me");
                List<Matcher> sent = requests.stream().map(r -> TRACEPARENT.matcher(r.getHeader("traceparent"))).toList();
                assertThat(sent).allMatch(Matcher::matches);
                String loginSpan = sent.get(0).group(2);
                String profileSpan = sent.get(1).group(2);
                assertThat(loginSpan).isNotEqualTo(profileSpan);

                // /api/status and the page (the run's history) name it
                JsonNode status = new ObjectMapper().readTree(agent.get("/api/status").body());
                assertThat(status.findValues("traceId")).extracting(JsonNode::asText).contains(traceId);
                assertThat(agent.get("/").body()).contains("trace <code class=\"trace\">" + traceId + "</code>");

                // the collector: the run's span and a span per step, with the ids the requests carried
                List<Span> spans = await(() -> {
                    List<Span> of = spans(collector).stream().filter(s -> hex(s.getTraceId().toByteArray()).equals(traceId)).toList();
                    return of.size() == 3 ? of : null;
                });
                Span run = spans.stream().filter(s -> s.getParentSpanId().isEmpty()).findFirst().orElseThrow();
                assertThat(run.getName()).isEqualTo("login");
                assertThat(run.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
                assertThat(run.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
                assertThat(attributes(run.getAttributesList())).containsEntry("uxprobe.journey", "login").containsEntry("uxprobe.region", "eu-west")
                        .containsEntry("uxprobe.result", "failure").containsEntry("uxprobe.failure.step", "profile")
                        .containsEntry("uxprobe.failure.reason", "error_message").containsEntry("uxprobe.failure.signature", "something_went_wrong")
                        .containsEntry("user_agent.synthetic.type", "test");
                Map<String, Span> steps = spans.stream().filter(s -> !s.getParentSpanId().isEmpty())
                        .collect(Collectors.toMap(s -> hex(s.getSpanId().toByteArray()), s -> s));
                assertThat(steps.keySet()).containsExactlyInAnyOrder(loginSpan, profileSpan);
                assertThat(steps.values()).allSatisfy(s -> {
                    assertThat(s.getParentSpanId()).isEqualTo(run.getSpanId());
                    assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                    assertThat(s.getEndTimeUnixNano()).isGreaterThan(s.getStartTimeUnixNano());
                });
                assertThat(steps.get(loginSpan).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
                assertThat(attributes(steps.get(loginSpan).getAttributesList())).containsEntry("uxprobe.step", "login")
                        .containsEntry("http.request.method", "POST").containsEntry("http.response.status_code", "200")
                        .containsEntry("url.full", "http://127.0.0.1:" + backend.getPort() + "/api/login").containsKey("uxprobe.phase.ttfb_seconds");
                Span profile = steps.get(profileSpan);
                assertThat(profile.getName()).isEqualTo("profile");
                assertThat(profile.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
                assertThat(profile.getStatus().getMessage()).contains("something_went_wrong", "Something went wrong. Try again.");
                assertThat(attributes(profile.getAttributesList())).containsEntry("uxprobe.failure.reason", "error_message")
                        .containsEntry("uxprobe.failure.signature", "something_went_wrong").containsEntry("error.type", "error_message")
                        .containsEntry("user_agent.synthetic.type", "test");
                assertThat(attributes(collector.traces.getFirst().message().getResourceSpans(0).getResource().getAttributesList()))
                        .containsEntry("service.name", "synthetics").containsKey("service.version");
                assertThat(collector.traces.getFirst().headers().get("X-api-key")).containsExactly("s3cret key");

                // the metrics: every uxprobe family of /metrics, under the same name and with the same labels
                Map<String, Set<String>> scraped = await(() -> {
                    Map<String, Set<String>> now = prometheusLabels(agent.metricsText());
                    return now.containsKey("uxprobe_step_failures_total") ? now : null;
                });
                Map<String, Set<String>> pushed;
                try {
                    pushed = await(() -> {
                        Map<String, Set<String>> now = otlpLabels(collector);
                        return now.keySet().containsAll(scraped.keySet()) ? now : null;
                    });
                } catch (AssertionError e) {
                    throw new AssertionError("pushed " + otlpLabels(collector) + "\nscraped " + scraped + "\nall " + metrics(collector).stream().map(Metric::getName).collect(Collectors.toCollection(TreeSet::new)), e);
                }
                assertThat(pushed).isEqualTo(scraped);
                Metric failures = metrics(collector).stream().filter(m -> m.getName().equals("uxprobe_step_failures_total")).reduce((a, b) -> b).orElseThrow();
                assertThat(failures.getSum().getIsMonotonic()).isTrue();
                assertThat(failures.getSum().getDataPointsList()).anySatisfy(p -> {
                    assertThat(attributes(p.getAttributesList())).containsEntry("journey", "login").containsEntry("step", "profile")
                            .containsEntry("reason", "error_message").containsEntry("region", "eu-west");
                    assertThat(p.getAsDouble()).isPositive();
                });
                Metric stepDuration = metrics(collector).stream().filter(m -> m.getName().equals("uxprobe_step_duration_seconds")).findFirst().orElseThrow();
                assertThat(stepDuration.getUnit()).isEqualTo("seconds");
                assertThat(stepDuration.getHistogram().getAggregationTemporality()).isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
                assertThat(stepDuration.getHistogram().getDataPoints(0).getExplicitBoundsList())
                        .containsExactlyElementsOf(JourneyMetrics.LATENCY_BUCKETS.stream().map(d -> d.toNanos() / 1e9).toList());
                assertThat(collector.metrics.getFirst().headers().get("X-api-key")).containsExactly("s3cret key");

                // the header is a secret: the log names it, never its value
                assertThat(agent.log.toString()).contains("with headers x-api-key").doesNotContain("s3cret");
            }
        }
    }

    /** A metric family's label keys, {@code le} aside, from a Prometheus text exposition. */
    private static Map<String, Set<String>> prometheusLabels(String exposition) {
        Map<String, String> types = new HashMap<>();
        Matcher type = Pattern.compile("(?m)^# TYPE (uxprobe_\\S+) (\\S+)$").matcher(exposition);
        while (type.find()) types.put(type.group(1), type.group(2));
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher sample = Pattern.compile("(?m)^(uxprobe_[a-z_]+)\\{([^}]*)}").matcher(exposition);
        while (sample.find()) {
            String name = sample.group(1);
            String family = types.containsKey(name) ? name : name.replaceFirst("_(bucket|sum|count|created)$", "");
            Set<String> keys = out.computeIfAbsent(family, k -> new TreeSet<>());
            for (String pair : sample.group(2).split(",(?=[a-z_]+=\")")) {
                String key = pair.substring(0, pair.indexOf('='));
                if (!key.equals("le")) keys.add(key);
            }
        }
        // a timer's _max gauge (the longest in the last minute) is not sent: a cumulative OTLP histogram has no such field
        out.keySet().removeIf(name -> name.endsWith("_max") && out.containsKey(name.substring(0, name.length() - 4)));
        return out;
    }

    private static Map<String, Set<String>> otlpLabels(OtlpReceiver collector) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Metric m : metrics(collector)) {
            if (!m.getName().startsWith("uxprobe_")) continue;
            Set<String> keys = out.computeIfAbsent(m.getName(), k -> new TreeSet<>());
            List<List<KeyValue>> points = switch (m.getDataCase()) {
                case GAUGE -> m.getGauge().getDataPointsList().stream().map(NumberDataPoint::getAttributesList).toList();
                case SUM -> m.getSum().getDataPointsList().stream().map(NumberDataPoint::getAttributesList).toList();
                case HISTOGRAM -> m.getHistogram().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
                default -> throw new AssertionError("unexpected OTLP metric type " + m.getDataCase() + " for " + m.getName());
            };
            points.forEach(p -> keys.addAll(attributes(p).keySet()));
        }
        return out;
    }

    private static List<Metric> metrics(OtlpReceiver collector) {
        return collector.metrics.stream().flatMap(r -> r.message().getResourceMetricsList().stream())
                .flatMap(r -> r.getScopeMetricsList().stream()).flatMap(s -> s.getMetricsList().stream()).toList();
    }

    private static List<Span> spans(OtlpReceiver collector) {
        return collector.traces.stream().flatMap(r -> r.message().getResourceSpansList().stream())
                .flatMap(r -> r.getScopeSpansList().stream()).flatMap(s -> s.getSpansList().stream()).toList();
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> out = new TreeMap<>();
        for (KeyValue kv : list) out.put(kv.getKey(), text(kv.getValue()));
        return out;
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            default -> v.toString();
        };
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static <T> T await(Callable<T> found) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            T value = found.call();
            if (value != null) return value;
            if (System.nanoTime() > end) throw new AssertionError("not within 20s");
            Thread.sleep(100);
        }
    }
}
