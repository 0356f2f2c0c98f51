package io.uxprobe.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunLogTest {

    @Test
    void durationsPrintAsSecondsWithMilliseconds() {
        assertThat(RunLog.seconds(212_400_000)).isEqualTo("0.212s");
        assertThat(RunLog.seconds(212_600_000)).isEqualTo("0.213s");
        assertThat(RunLog.seconds(0)).isEqualTo("0.000s");
        assertThat(RunLog.seconds(5_000_000)).isEqualTo("0.005s");
        assertThat(RunLog.seconds(61_050_000_000L)).isEqualTo("61.050s");
        assertThat(RunLog.seconds(999_600_000)).isEqualTo("1.000s");
    }

    @Test
    void logfmtQuotesOnlyValuesThatNeedIt() {
        StringWriter out = new StringWriter();
        RunLog log = new RunLog(new PrintWriter(out), RunLog.Format.TEXT, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
        log.info("journey run", RunLog.fields("journey", "login", "detail", "said \"no\"", "empty", "", "eq", "a=b"));
        assertThat(out.toString().strip()).isEqualTo(
                "time=2026-11-23T12:00:00Z level=info msg=\"journey run\" journey=login detail=\"said \\\"no\\\"\" empty=\"\" eq=\"a=b\"");
    }
}
