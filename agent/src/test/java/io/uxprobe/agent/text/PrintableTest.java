package io.uxprobe.agent.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersShowAsTheirPictures() {
        assertThat(Printable.line("\u001b[31mred\u0000\u0007\u007f")).isEqualTo("␛[31mred␀␇␡");
    }

    @Test
    void aLineStaysOneLineWhileLinesKeepTheirBreaks() {
        assertThat(Printable.line("a\nb\tc\r\nd\u2028e")).isEqualTo("a b c  d e");
        assertThat(Printable.lines("a\nb\tc\r")).isEqualTo("a\nb\tc ");
    }

    @Test
    void c1ControlsBidiOverridesNoncharactersAndLoneSurrogatesAreReplaced() {
        assertThat(Printable.line("\u009b1m \u202eevil \uFFFF \uD800x")).isEqualTo("�1m �evil � �x");
    }

    @Test
    void aCutLineEndsInAnEllipsisAndNeverSplitsAPair() {
        assertThat(Printable.line("short", 10)).isEqualTo("short");
        assertThat(Printable.line("abcdefghijk", 5)).isEqualTo("abcd…");
        assertThat(Printable.line("abc😀def", 5)).as("the emoji would be cut in half: dropped whole").isEqualTo("abc…");
        assertThat(Printable.line("a\nb\u001bcdef", 5)).isEqualTo("a b␛…");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "Café ✔ 😀 «quoted» — ok";
        assertThat(Printable.line(text)).isSameAs(text);
    }
}
