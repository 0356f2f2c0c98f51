package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.deadline.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A single-page app ships its error banner in every page, hidden; only a shown banner is an error. */
class VisibleTextTest {

    private static final String BANNER = "Something went wrong. Try again.";
    private final ErrorDetector detector = ErrorDetector.catalogOnly();

    @Test
    void aHealthyAppShellWithHiddenBannersIsNotAnError() {
        String shell = Samples.read("spa-shell.html");
        assertThat(shell).contains(BANNER); // in scripts, styles, comments, templates, hidden elements…

        assertThat(detector.detect("text/html", shell)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hidden attribute         | <div id="b-hidden-attr" hidden>          | <div id="b-hidden-attr">
            class hidden             | class="banner hidden"                    | class="banner"
            class d-none             | class="alert d-none"                     | class="alert"
            style display none       | Display : None !important                | display: block
            style visibility hidden  | visibility:hidden                        | visibility:visible
            class sr-only            | class="sr-only"                          | class="lead"
            closed dialog            | <dialog id="b-dialog">                   | <dialog id="b-dialog" open>
            template                 | <template id="error-banner">             | <div id="error-banner"></div>
            """)
    void theSameBannerShownIsAnError(String how, String hidden, String shown) {
        String page = Samples.read("spa-shell.html").replace(hidden, shown);

        assertThat(detector.detect("text/html", page)).hasValueSatisfying(m -> {
            assertThat(m.signature()).isEqualTo("something_went_wrong");
            assertThat(m.snippet()).contains(BANNER);
        });
    }

    @Test
    void ariaHiddenHidesFromScreenReadersNotFromEyes() {
        String page = Samples.read("spa-shell.html")
                .replace("<div id=\"root\"></div>", "<div id=\"root\"><p aria-hidden=\"true\">" + BANNER + "</p></div>");

        assertThat(detector.detect("text/html", page)).map(ErrorMatch::signature).hasValue("something_went_wrong");
    }

    @Test
    void visibleTextKeepsWordsApartAcrossBlocksAndTogetherAcrossInlineTags() {
        HtmlPage page = HtmlPage.read("<html><head><title>Tunes</title><script>x()</script></head>"
                + "<body><p>Some<b>thing</b> went</p><p>wrong<br>now</p><!-- no --><div hidden>gone</div></body></html>", Deadline.none());

        assertThat(page.text().shown()).isEqualTo("Tunes Something went wrong now");
    }

    @Test
    void childrenOfHiddenElementsAreHidden() {
        String page = "<!doctype html><body><section style=\"DISPLAY:NONE\"><div><p>" + BANNER + "</p></div></section></body>";

        assertThat(detector.detect("text/html", page)).isEmpty();
    }

    @Test
    void aSnippetIsTheMessagesOwnParagraphNotTheTitleAndHeadingBeforeIt() {
        String page = "<html><head><title>uxprobe music</title></head>"
                + "<body><h1>uxprobe music</h1><p>Something went wrong. Try again.</p></body></html>";

        assertThat(detector.detect("text/html", page)).map(ErrorMatch::snippet).hasValue("Something went wrong. Try again.");
    }

    @Test
    void theTabTitleCountsAsSeen() {
        assertThat(detector.detect("text/html", "<html><head><title>503 Service Unavailable</title></head><body></body></html>"))
                .map(ErrorMatch::signature).hasValue("service_unavailable");
    }
}
