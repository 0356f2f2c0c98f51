package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.deadline.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the reading rules in docs/journeys.md reads as the docs say it does. */
class DocsExamplesTest {

    /** A fenced block after {@code <!-- reads: message alert -->}, {@code <!-- reads: mention quoted -->} or {@code <!-- reads: unseen -->}. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- reads: (message|mention|unseen)(?: ([a-z_]+))? -->\\n```(html|json|text)\\n(.*?)\\n```", Pattern.DOTALL);

    record Example(int number, String verdict, String rule, String type, String body) {
        @Override
        public String toString() {
            return "example " + number + ": " + verdict + (rule == null ? "" : " by " + rule);
        }
    }

    static List<Example> examples() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(Path.of("..", "docs", "journeys.md")));
        List<Example> found = new ArrayList<>();
        while (m.find()) found.add(new Example(found.size() + 1, m.group(1), m.group(2), m.group(3), m.group(4)));
        assertThat(found).as("examples in docs/journeys.md").hasSizeGreaterThanOrEqualTo(10);
        return found;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void readsAsTheDocsSay(Example e) {
        String type = switch (e.type()) {
            case "html" -> "text/html";
            case "json" -> "application/json";
            default -> "text/plain";
        };
        Detection d = ErrorDetector.catalogOnly().explaining().read(type, e.body(), Deadline.none());

        switch (e.verdict()) {
            case "message" -> assertThat(d.message()).as("%s", d).hasValueSatisfying(m -> assertThat(m.rule()).isEqualTo(e.rule()));
            case "mention" -> {
                assertThat(d.message()).as("%s", d).isEmpty();
                assertThat(d.mentions()).as("%s", d).extracting(ErrorMatch::rule).contains(e.rule());
            }
            default -> assertThat(d).as("nothing seen").isEqualTo(Detection.NONE);
        }
    }
}
