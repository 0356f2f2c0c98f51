package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            `\\bbad gateway\\b`                                 => `bad gateway`
            `\\b(?:down|offline) for (?:some )?maintenance\\b`  => `maintenance`
            `\\berror (?:has |had )?occurr?ed\\b`               => `error `
            `\\bserver error \\(500\\)`                          => `server error (500)`
            `\\bsqlstate\\[[0-9a-z]{5}\\]`                       => `sqlstate[`
            `\\bgateway time-?out\\b`                           => `gateway time`
            `\\bgoroutine \\d+ \\[running\\]:`                     => ` [running]:`
            `^cannot (?:get|post) /[^ ]*$`                      => `cannot `
            `bad gateway|gateway timeout`                       => ``
            `(?i)bad gateway`                                   => ``
            `\\Qa.b\\E`                                          => ``
            `ab`                                                => ``
            """)
    void theLongestTextTheRegexCannotMatchWithout(String regex, String literal) {
        assertThat(RequiredLiteral.of(regex)).isEqualTo(literal);
    }
}
