package io.uxprobe.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which read is the answer's first byte: the race a fast loopback server wins must not lose the first byte. */
class FirstByteClockTest {

    @Test
    void anAnswerThatWaitedCountsFromTheEndOfTheLastWrite() {
        FirstByteClock clock = new FirstByteClock();
        long began = System.nanoTime();
        clock.wrote(began);
        long written = System.nanoTime();
        clock.read(true);
        assertThat(clock.sentAfter(0, false)).isBetween(began, written);
        assertThat(clock.sentAfter(0, true)).isBetween(began, written);
        assertThat(clock.firstByteAfter(0, false)).isGreaterThanOrEqualTo(written);
    }

    @Test
    void onAPlainConnectionAnAnswerAlreadyWaitingIsTheFirstByteAndCountsFromWhenTheWriteBegan() {
        FirstByteClock clock = new FirstByteClock();
        long began = System.nanoTime() - 1_000_000; // the write was held up for a millisecond
        clock.wrote(began);
        clock.read(false); // the server answered before our read started
        clock.read(true); // more headers, later
        assertThat(clock.sentAfter(0, false)).as("the request went out when the write began").isEqualTo(began);
        assertThat(clock.firstByteAfter(began, false)).as("the first read is the answer").isGreaterThan(began);
        assertThat(clock.firstByteAfter(began, false)).isLessThan(clock.firstByteAfter(began, true));
    }

    @Test
    void overTlsOnlyAReadThatWaitedIsTheAnswer() {
        FirstByteClock clock = new FirstByteClock();
        long before = System.nanoTime();
        clock.wrote(before);
        clock.read(false); // the session ticket, sent after the handshake
        assertThat(clock.firstByteAfter(before, true)).as("a ticket is not the answer").isZero();
        assertThat(clock.sentAfter(before, true)).as("over TLS the request ends when its write returned").isGreaterThan(before);
        clock.read(true);
        long answer = clock.firstByteAfter(before, true);
        assertThat(answer).isGreaterThan(before);
        clock.read(true);
        assertThat(clock.firstByteAfter(before, true)).as("later reads are the body").isEqualTo(answer);
    }

    @Test
    void aNewWriteStartsOver() {
        FirstByteClock clock = new FirstByteClock();
        clock.wrote(System.nanoTime());
        clock.read(true);
        long second = System.nanoTime();
        clock.wrote(second);
        assertThat(clock.firstByteAfter(second, false)).isZero();
        assertThat(clock.firstByteAfter(second, true)).isZero();
    }
}
