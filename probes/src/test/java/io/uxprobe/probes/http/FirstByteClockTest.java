package io.uxprobe.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which read is the answer's first byte: the race a fast loopback server wins must not lose the first byte. */
class FirstByteClockTest {

    @Test
    void onAPlainConnectionAnAnswerAlreadyWaitingIsTheFirstByte() {
        FirstByteClock clock = new FirstByteClock();
        long before = System.nanoTime();
        clock.wrote();
        clock.read(false); // the server answered before our read started
        assertThat(clock.firstByteAfter(before, false)).isGreaterThan(before);
    }

    @Test
    void overTlsOnlyAReadThatWaitedIsTheAnswer() {
        FirstByteClock clock = new FirstByteClock();
        long before = System.nanoTime();
        clock.wrote();
        clock.read(false); // the session ticket, sent after the handshake
        assertThat(clock.firstByteAfter(before, true)).as("a ticket is not the answer").isZero();
        clock.read(true);
        long answer = clock.firstByteAfter(before, true);
        assertThat(answer).isGreaterThan(before);
        clock.read(true);
        assertThat(clock.firstByteAfter(before, true)).as("later reads are the body").isEqualTo(answer);
    }

    @Test
    void aNewWriteStartsOver() {
        FirstByteClock clock = new FirstByteClock();
        clock.wrote();
        clock.read(true);
        long second = System.nanoTime();
        clock.wrote();
        assertThat(clock.firstByteAfter(second, false)).isZero();
        assertThat(clock.firstByteAfter(second, true)).isZero();
    }
}
