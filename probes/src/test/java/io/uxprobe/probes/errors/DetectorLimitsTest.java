package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DetectorLimitsTest {

    private static final String BANNER = "Something went wrong. Try again.";
    private static final int TEN_MIB = 10 << 20;
    private final ErrorDetector detector = ErrorDetector.catalogOnly();

    @ParameterizedTest
    @ValueSource(strings = {
        "audio/mpeg", "audio/aac", "video/mp4", "image/png", "image/svg+xml", "font/woff2",
        "application/octet-stream", "application/zip", "application/pdf", "application/javascript", "text/css"})
    void mediaArchivesAndCodeAreNeverMessages(String type) {
        assertThat(detector.detect(type, BANNER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/markdown", "application/xml", "application/soap+xml", ""})
    void textTypesAreReadWhole(String type) {
        assertThat(detector.detect(type, "<status>" + BANNER + "</status>")).map(ErrorMatch::signature).hasValue("something_went_wrong");
    }

    @Test
    void tenMebibytesOfEachKindStayCheap() {
        String html = "<!doctype html><html><body><div role=alert>" + BANNER + "</div><ul>" + "<li>All good here, track</li>".repeat(TEN_MIB / 28) + "</ul></body></html>";
        String json = "{\"error\":\"boom\",\"data\":[" + "{\"title\":\"Error\",\"n\":1},".repeat(TEN_MIB / 25) + "{}]}";
        String text = "all good ".repeat(TEN_MIB / 9) + BANNER;

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(detector.detect("text/html", html)).map(ErrorMatch::signature).hasValue("something_went_wrong");
            assertThat(detector.detect("application/json", json)).map(Samples::named).hasValue(Samples.named("json_error", "boom"));
            // Only the first MiB is examined: a message that far down is not something a user reads.
            assertThat(detector.detect("text/plain", text)).isEmpty();
        });
    }

    @Test
    void snippetsAreShortAndSayWhereTheyWereCut() {
        String text = "x ".repeat(50) + BANNER + " y".repeat(50); // a short text answer: all of it is the message

        String snippet = detector.detect("text/plain", text).orElseThrow().snippet();

        assertThat(snippet).hasSizeLessThanOrEqualTo(Snippet.MAX_CHARS).startsWith("…").endsWith("…").contains(BANNER);
    }
}
