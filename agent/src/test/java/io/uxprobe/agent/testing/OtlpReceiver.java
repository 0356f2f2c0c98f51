package io.uxprobe.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP collector for tests: decodes what it is sent with the real OTLP protobufs (opentelemetry-proto) and
 * keeps it, with the headers each export came with. A body that is not a valid message is answered 400, as a
 * collector would.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One export: its decoded message and its request headers. */
    public record Received<T>(T message, Map<String, List<String>> headers) {}

    private final HttpServer server;
    public final List<Received<ExportTraceServiceRequest>> traces = new CopyOnWriteArrayList<>();
    public final List<Received<ExportMetricsServiceRequest>> metrics = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", e -> receiver.handle(e, true));
        server.createContext("/v1/metrics", e -> receiver.handle(e, false));
        server.start();
        return receiver;
    }

    /** The base endpoint, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} would name it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, boolean isTraces) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-protobuf")) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] answer;
            try {
                if (isTraces) {
                    traces.add(new Received<>(ExportTraceServiceRequest.parseFrom(body), Map.copyOf(exchange.getRequestHeaders())));
                    answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                } else {
                    metrics.add(new Received<>(ExportMetricsServiceRequest.parseFrom(body), Map.copyOf(exchange.getRequestHeaders())));
                    answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                }
            } catch (IOException notOtlp) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
