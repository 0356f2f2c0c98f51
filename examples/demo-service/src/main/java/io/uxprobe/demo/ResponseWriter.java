package io.uxprobe.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes a status line, headers and body in HTTP/1.1. */
final class ResponseWriter {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(413, "Content Too Large"), Map.entry(416, "Range Not Satisfiable"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Temporarily Unavailable"));

    private ResponseWriter() {}

    /** @param close announce {@code Connection: close} because the server closes after this response */
    static void write(OutputStream out, HttpResponse response, boolean head, boolean close) throws IOException {
        switch (response) {
            case HttpResponse.Whole w -> {
                writeHead(out, w.status(), w.headers(), w.body().length, close);
                if (!head) out.write(w.body());
            }
            case HttpResponse.Streamed s -> {
                writeHead(out, s.status(), s.headers(), s.length(), close);
                if (!head) s.body().writeTo(out);
            }
            case HttpResponse.Reset r -> throw new IllegalArgumentException("a reset has no response to write");
        }
        out.flush();
    }

    private static void writeHead(OutputStream out, int status, Map<String, String> headers, long length, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        if (!headers.containsKey("Server")) head.append("Server: uxprobe-demo\r\n");
        head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(length).append("\r\n");
        if (close) head.append("Connection: close\r\n");
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
