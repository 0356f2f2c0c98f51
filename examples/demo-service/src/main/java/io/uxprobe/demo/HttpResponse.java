package io.uxprobe.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the server does with a request: answer it whole, stream a body of known length, or reset the connection. */
sealed interface HttpResponse {

    /** Writes a body of exactly the announced length. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    record Whole(int status, Map<String, String> headers, byte[] body) implements HttpResponse {
        public Whole {
            headers = Map.copyOf(headers);
        }
    }

    record Streamed(int status, Map<String, String> headers, long length, BodyWriter body) implements HttpResponse {
        public Streamed {
            headers = Map.copyOf(headers);
        }
    }

    /** Close the socket with a TCP RST and send nothing, as a crashed proxy or a dropped connection would. */
    record Reset() implements HttpResponse {}

    static HttpResponse json(int status, String json) {
        return text(status, "application/json", json);
    }

    static HttpResponse html(int status, String html) {
        return text(status, "text/html; charset=utf-8", html);
    }

    static HttpResponse plain(int status, String text) {
        return text(status, "text/plain; charset=utf-8", text);
    }

    static HttpResponse text(int status, String contentType, String body) {
        return new Whole(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same response with one more header. */
    static HttpResponse withHeader(HttpResponse response, String name, String value) {
        return switch (response) {
            case Whole w -> new Whole(w.status(), plus(w.headers(), name, value), w.body());
            case Streamed s -> new Streamed(s.status(), plus(s.headers(), name, value), s.length(), s.body());
            case Reset r -> r;
        };
    }

    private static Map<String, String> plus(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
