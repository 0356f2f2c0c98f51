package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudioTest {

    /** Track 42 is 214 s of 128 kbit/s audio. */
    private static final long LENGTH = 214L * 16_000;

    private static DemoService demo;
    private static String stream;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoService.start(Map.of("eu-west", 0));
        stream = demo.baseUrl("eu-west") + "/stream/42.mp3";
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Response call(String range) throws IOException {
        Request.Builder b = new Request.Builder().url(stream);
        if (range != null) b.header("Range", range);
        return Http.CLIENT.newCall(b.build()).execute();
    }

    private static byte[] expected(String id, long from, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = Mp3Audio.byteAt(id, from + i);
        return b;
    }

    @Test
    void aClosedRangeIs206WithExactlyThoseBytes() throws IOException {
        try (Response r = call("bytes=1000-1999")) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Type")).isEqualTo("audio/mpeg");
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.header("Content-Range")).isEqualTo("bytes 1000-1999/" + LENGTH);
            assertThat(r.header("Content-Length")).isEqualTo("1000");
            assertThat(r.body().bytes()).isEqualTo(expected("42", 1000, 1000));
        }
    }

    @Test
    void theBytesOfARangeAreTheSameBytesAsInTheWholeStream() throws IOException {
        byte[] head;
        try (Response r = call("bytes=0-99999")) {
            head = r.body().bytes();
        }
        try (Response r = call("bytes=50000-50099")) {
            assertThat(r.body().bytes()).isEqualTo(java.util.Arrays.copyOfRange(head, 50000, 50100));
        }
    }

    @Test
    void anOpenRangeRunsToTheEnd() throws IOException {
        try (Response r = call("bytes=" + (LENGTH - 5000) + "-")) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes " + (LENGTH - 5000) + "-" + (LENGTH - 1) + "/" + LENGTH);
            assertThat(r.body().bytes()).isEqualTo(expected("42", LENGTH - 5000, 5000));
        }
    }

    @Test
    void bytesZeroToEndIs206ForTheWholeTrackAsPlayersAsk() throws IOException {
        try (Response r = call("bytes=0-")) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-" + (LENGTH - 1) + "/" + LENGTH);
            assertThat(r.body().contentLength()).isEqualTo(LENGTH);
        }
    }

    @Test
    void aSuffixRangeIsTheLastBytes() throws IOException {
        try (Response r = call("bytes=-10")) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.body().bytes()).isEqualTo(expected("42", LENGTH - 10, 10));
        }
    }

    @Test
    void aRangePastTheEndIsCutToTheEnd() throws IOException {
        try (Response r = call("bytes=" + (LENGTH - 3) + "-" + (LENGTH + 100))) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.body().bytes()).hasSize(3);
        }
    }

    @Test
    void unsatisfiableOrMalformedRangesAre416() throws IOException {
        for (String range : new String[] {"bytes=" + LENGTH + "-", "bytes=10-5", "bytes=abc", "bytes=-0", "bytes"}) {
            try (Response r = call(range)) {
                assertThat(r.code()).as(range).isEqualTo(416);
                assertThat(r.header("Content-Range")).isEqualTo("bytes */" + LENGTH);
            }
        }
    }

    @Test
    void noRangeIs200WithTheWholeLength() throws IOException {
        try (Response r = call(null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(LENGTH));
            assertThat(r.header("Content-Range")).isNull();
            byte[] first = new byte[8];
            assertThat(r.body().byteStream().readNBytes(first, 0, 8)).isEqualTo(8);
            assertThat(first).startsWith((byte) 0xFF, (byte) 0xFB); // an MP3 frame header
        }
    }

    @Test
    void eachTrackHasItsOwnBytes() {
        assertThat(expected("42", 100, 64)).isNotEqualTo(expected("7", 100, 64));
    }

    @Test
    void itStreamsFarFasterThanAPlayerNeeds() throws IOException {
        try (Response r = call("bytes=0-"); InputStream in = r.body().byteStream()) {
            long start = System.nanoTime();
            byte[] buf = in.readNBytes(1024 * 1024);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(buf).hasSize(1024 * 1024);
            assertThat(1024 * 1024 / seconds).as("bytes per second").isGreaterThan(1024 * 1024);
        }
    }

    @Test
    void unknownTracksAre404() {
        assertThat(Http.get(demo.baseUrl("eu-west") + "/stream/999.mp3").code()).isEqualTo(404);
        assertThat(Http.get(demo.baseUrl("eu-west") + "/stream/42.ogg").code()).isEqualTo(404);
    }
}
