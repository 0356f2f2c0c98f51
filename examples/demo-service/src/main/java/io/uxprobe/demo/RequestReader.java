package io.uxprobe.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads HTTP/1.1 requests: request line, headers, and a body by Content-Length or chunked. */
final class RequestReader {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY = 1024 * 1024;

    /** A request the server must answer with {@code status} and then close. */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final InputStream in;
    private final OutputStream out;

    /** @param out where {@code 100 Continue} goes when a client waits for it before sending a body */
    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** @return empty when the client closed the connection between requests */
    Optional<HttpRequest> read() throws IOException, BadRequest {
        String line = readLine();
        while (line != null && line.isEmpty()) line = readLine(); // RFC 9112: ignore stray CRLFs before a request
        if (line == null) return Optional.empty();
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) throw new BadRequest(400, "bad request line");
        String method = parts[0].toUpperCase(Locale.ROOT);
        boolean http10 = parts[2].equals("HTTP/1.0");

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; ; i++) {
            String h = readLine();
            if (h == null) throw new IOException("connection closed inside the request head");
            if (h.isEmpty()) break;
            if (i >= MAX_HEADERS) throw new BadRequest(431, "too many headers");
            int colon = h.indexOf(':');
            if (colon <= 0) throw new BadRequest(400, "bad header line");
            headers.merge(h.substring(0, colon).strip(), h.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }

        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new BadRequest(400, "bad request target");
        }
        String connection = headers.getOrDefault("Connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if (headers.getOrDefault("Expect", "").equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = body(headers);
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return Optional.of(new HttpRequest(method, path, query(uri.getRawQuery()), headers, body, keepAlive));
    }

    private byte[] body(Map<String, String> headers) throws IOException, BadRequest {
        if (headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) return chunked();
        String length = headers.get("Content-Length");
        if (length == null) return new byte[0];
        long n;
        try {
            n = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad Content-Length");
        }
        if (n < 0) throw new BadRequest(400, "bad Content-Length");
        if (n > MAX_BODY) throw new BadRequest(413, "body larger than 1 MiB");
        return in.readNBytes((int) n);
    }

    private byte[] chunked() throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            if (size == null) throw new IOException("connection closed inside a chunked body");
            int n;
            try {
                n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad chunk size");
            }
            if (n == 0) break;
            if (body.size() + n > MAX_BODY) throw new BadRequest(413, "body larger than 1 MiB");
            body.write(in.readNBytes(n));
            readLine();
        }
        for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
            // trailers carry nothing the demo uses
        }
        return body.toByteArray();
    }

    private static Map<String, String> query(String raw) throws BadRequest {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        try {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad percent-encoding in the query");
        }
        return params;
    }

    /** @return the line without CRLF (a bare LF is accepted too), or null at end of stream before any byte */
    private String readLine() throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) return null;
                throw new IOException("connection closed inside a line");
            }
            if (b == '\n') break;
            if (line.size() >= MAX_LINE) throw new BadRequest(431, "line longer than 8 KiB");
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }
}
