package io.uxprobe.agent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void placeholdersAreFilledAndBracesEscaped() {
        MessageTemplate t = MessageTemplate.parse("We are seeing {journey} failures in {regions} since {since} UTC; users may see '{message}'. {{ok}}");
        assertThat(t.render(Map.of("journey", "playback", "regions", "Europe", "since", "12:03", "message", "Something went wrong")))
                .isEqualTo("We are seeing playback failures in Europe since 12:03 UTC; users may see 'Something went wrong'. {ok}");
    }

    @Test
    void valuesAreNeverReadAsPlaceholders() {
        MessageTemplate t = MessageTemplate.parse("{message} / {journey}");
        assertThat(t.render(Map.of("message", "{journey} {{", "journey", "playback"))).isEqualTo("{journey} {{ / playback");
    }

    @Test
    void aMissingValueIsEmpty() {
        assertThat(MessageTemplate.parse("[{step}]").render(Map.of())).isEqualTo("[]");
    }

    @Test
    void unknownPlaceholdersAndStrayBracesAreErrorsThatSayWhatIsAllowed() {
        assertThatThrownBy(() -> MessageTemplate.parse("{journy} is down")).hasMessage("template has an unknown placeholder {journy}; "
                + "expected one of {journey}, {regions}, {state}, {since}, {message}, {step}, {reason}, {statusUrl}");
        assertThatThrownBy(() -> MessageTemplate.parse("down {journey")).hasMessage("template has a '{' at character 6 that is never closed; write {{ for a literal brace");
        assertThatThrownBy(() -> MessageTemplate.parse("down }")).hasMessage("template has a '}' at character 6 without its '{'; write }} for a literal brace");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = Backoff.DEFAULT;
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(b::after).map(java.time.Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }
}
