package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 as other clients speak it: curl, browsers, load balancers. */
class WireTest {

    private static DemoService demo;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoService.start(Map.of("eu-west", 0));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Sends raw bytes and returns everything the server sends until it closes or goes quiet for 500 ms. */
    private static String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", demo.port("eu-west"))) {
            s.setSoTimeout(500);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) got.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // quiet: the connection stays open for another request
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws IOException {
        String got = exchange("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /api/tracks/7 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(count(got, "HTTP/1.1 200 OK")).isEqualTo(2);
        assertThat(got.indexOf("ok\n")).isLessThan(got.indexOf("Midnight in Lisbon"));
    }

    @Test
    void connectionCloseAndHttp10CloseAfterOneAnswer() throws IOException {
        String closed = exchange("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n");
        assertThat(count(closed, "HTTP/1.1 200 OK")).isEqualTo(1);
        assertThat(closed).contains("Connection: close\r\n");
        assertThat(count(exchange("GET /healthz HTTP/1.0\r\n\r\nGET /healthz HTTP/1.0\r\n\r\n"), "200 OK")).isEqualTo(1);
    }

    @Test
    void withoutAHostHeaderTheStreamUrlUsesTheRegionsOwnAddress() throws IOException {
        assertThat(exchange("GET /api/tracks/42 HTTP/1.0\r\n\r\n")).contains("\"streamUrl\":\"" + demo.baseUrl("eu-west") + "/stream/42.mp3\"");
    }

    @Test
    void aChunkedLoginBodyIsRead() throws IOException {
        String body = "{\"username\":\"ann\",\"password\":\"let-me-listen\"}";
        String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
        String got = exchange("POST /api/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n" + chunked);
        assertThat(got).startsWith("HTTP/1.1 200 OK").contains("\"token\":");
    }

    @Test
    void aClientThatExpects100ContinueGetsIt() throws IOException {
        String body = "{\"username\":\"ann\",\"password\":\"let-me-listen\"}";
        String got = exchange("POST /api/login HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(got).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK");
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() throws IOException {
        String got = exchange("HEAD /stream/42.mp3 HTTP/1.1\r\nHost: a\r\nRange: bytes=0-99\r\n\r\n");
        assertThat(got).startsWith("HTTP/1.1 206 Partial Content").contains("Content-Length: 100\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void garbageIs400AndClosed() throws IOException {
        assertThat(exchange("HELLO\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request").contains("Connection: close");
        assertThat(exchange("GET /api/search?q=%zz HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
    }
}
