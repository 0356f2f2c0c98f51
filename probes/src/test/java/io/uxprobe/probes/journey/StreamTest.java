package io.uxprobe.probes.journey;

import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.testing.RawServer;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Playback: read the start of a media stream, measure its rate, notice when it stalls or crawls. */
class StreamTest {

    static HttpClients clients;

    @BeforeAll
    static void open() {
        clients = new HttpClients();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    static StepResult play(RawServer server, StreamSpec spec) {
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
        Journey j = journey("playback", step("audio", server.url("/audio")).stream(spec).timeout(Duration.ofSeconds(5)).build());
        return runner.run(j, Variables.empty(), Redactor.none()).steps().getFirst();
    }

    /** Sends {@code total} bytes of audio in {@code chunk}-byte pieces, pausing {@code pauseMillis} between them. */
    static RawServer audio(int total, int chunk, long pauseMillis) throws Exception {
        return new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + total + "\r\n\r\n");
            byte[] piece = new byte[chunk];
            for (int sent = 0; sent < total; sent += chunk) {
                out.write(piece, 0, Math.min(chunk, total - sent));
                out.flush();
                if (pauseMillis > 0) Thread.sleep(pauseMillis);
            }
        });
    }

    @Test
    void readsTheFirstBytesAndReportsTheRate() throws Exception {
        try (RawServer server = audio(4 * 1024 * 1024, 64 * 1024, 0)) {
            StepResult s = play(server, new StreamSpec(Optional.of(DataSize.ofKiB(256)), Optional.empty(), Duration.ofSeconds(2), Optional.of(DataSize.ofKiB(16))));
            assertThat(s.passed()).as(s.toString()).isTrue();
            assertThat(s.bytes()).isEqualTo(256 * 1024);
            assertThat(s.bytesPerSecond().orElseThrow()).isGreaterThan(16 * 1024);
            assertThat(s.phases().get(Phase.TTFB)).isPositive();
        }
    }

    @Test
    void noByteForStallAfterIsAStreamStall() throws Exception {
        try (RawServer server = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: 1000000\r\n\r\n");
            out.write(new byte[8192]);
            out.flush();
            Thread.sleep(4000);
        })) {
            StepResult s = play(server, new StreamSpec(Optional.of(DataSize.ofKiB(256)), Optional.empty(), Duration.ofMillis(500), Optional.empty()));
            assertThat(s.failure().orElseThrow().reason()).isEqualTo(FailureReason.STREAM_STALL);
            assertThat(s.failure().get().detail()).isEqualTo("stream stalled: no byte for 500ms after 8KiB");
            assertThat(s.duration()).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void aCrawlingStreamFailsMinBytesPerSecond() throws Exception {
        // 1 KiB every 100 ms is about 10 KiB/s
        try (RawServer server = audio(1024 * 1024, 1024, 100)) {
            StepResult s = play(server, new StreamSpec(Optional.of(DataSize.ofKiB(8)), Optional.empty(), Duration.ofSeconds(2), Optional.of(DataSize.ofKiB(64))));
            assertThat(s.failure().orElseThrow().reason()).isEqualTo(FailureReason.ASSERTION);
            assertThat(s.failure().get().detail()).matches("stream delivered [\\d.]+KiB/s, under minBytesPerSecond 64KiB/s");
        }
    }

    @Test
    void readsForADurationThenHangsUp() throws Exception {
        try (RawServer server = audio(64 * 1024 * 1024, 4096, 10)) {
            StepResult s = play(server, new StreamSpec(Optional.empty(), Optional.of(Duration.ofMillis(400)), Duration.ofSeconds(2), Optional.empty()));
            assertThat(s.passed()).as(s.toString()).isTrue();
            assertThat(s.duration()).isBetween(Duration.ofMillis(400), Duration.ofMillis(1000));
            assertThat(s.bytes()).isPositive().isLessThan(64L * 1024 * 1024);
        }
    }
}
