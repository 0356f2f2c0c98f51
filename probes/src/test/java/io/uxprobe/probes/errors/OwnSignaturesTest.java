package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The signatures a journey file adds under {@code errorSignatures}. */
class OwnSignaturesTest {

    @Test
    void textMatchesWithCaseWhitespaceAndQuotesFolded() {
        var detector = new ErrorDetector(List.of(new Signature.Text("cant_play", "We can’t  play this\tTITLE")));

        var match = detector.detect("text/html", "<p>Sorry!\n we can't\u00a0play   this title on this device.</p>");

        assertThat(match).map(Samples::named).hasValue(Samples.named("cant_play", "Sorry! we can't play this title on this device."));
    }

    @Test
    void regexIsSearchedCaseInsensitively() {
        var detector = new ErrorDetector(List.of(new Signature.Regex("oops", Pattern.compile("Oops.{0,40}(again|later)"))));

        var match = detector.detect("text/html", "<h2>OOPS!</h2> <p>The mixtape is shy, come back LATER.</p>");

        assertThat(match).map(Samples::named).hasValue(Samples.named("oops", "OOPS! The mixtape is shy, come back LATER."));
    }

    @Test
    void ownSignaturesAreCheckedBeforeTheCatalog() {
        var detector = new ErrorDetector(List.of(new Signature.Text("try_again", "Something went wrong. Try again.")));

        var match = detector.detect("text/html", Samples.read("streaming-something-went-wrong.html"));

        assertThat(match).map(ErrorMatch::signature).hasValue("try_again");
        assertThat(ErrorDetector.catalogOnly().detect("text/html", Samples.read("streaming-something-went-wrong.html")))
                .map(ErrorMatch::signature).hasValue("something_went_wrong");
    }

    @Test
    void ownSignaturesNameJsonErrorFieldsToo() {
        var detector = new ErrorDetector(List.of(new Signature.Regex("oops", Pattern.compile("Oops.{0,40}(again|later)"))));

        assertThat(detector.detect("application/json", "{\"error\": {\"message\": \"Oops, please try later\"}}"))
                .map(Samples::named).hasValue(Samples.named("oops", "Oops, please try later"));
    }

    @Test
    void aCatastrophicRegexGivesUpAndTheCatalogStillRuns() {
        // Takes minutes on the JDK's backtracking engine once the text has a few dozen a's.
        var detector = new ErrorDetector(List.of(new Signature.Regex("bad_idea", Pattern.compile("(.*a){12}x"))));
        String body = "a".repeat(200) + " Internal Server Error";

        var match = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> detector.detect("text/plain", body));

        assertThat(match).map(ErrorMatch::signature).hasValue("internal_server_error");
    }

    @Test
    void aBlankTextOrAnEmptyMatchShowsNothingAndMatchesNothing() {
        var detector = new ErrorDetector(List.of(
                new Signature.Text("blank", "  \n "), new Signature.Regex("empty", Pattern.compile("x*"))));

        assertThat(detector.detect("text/plain", "All good")).isEmpty();
    }
}
