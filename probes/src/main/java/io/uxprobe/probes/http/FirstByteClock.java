package io.uxprobe.probes.http;

/**
 * When a request's last bytes went to the socket and when the first byte of the answer came off it, per thread:
 * an HTTP/1 call writes its request and reads the answer on the calling thread, so the first read after the last
 * write that had to wait for data is the answer's first byte (curl's and Go's "first byte", before any header is
 * parsed). OkHttp's own events come earlier (request headers buffered, not yet flushed) and later (headers
 * parsed): on loopback some 0.1 ms each way in a young JVM.
 *
 * <p>A read that finds data already waiting does not count: on a TLS 1.3 connection that is the session ticket
 * the server sent after the handshake, not the answer; and on a plain connection the true arrival is unknown.
 * Then (and for HTTP/2, whose reads happen on another thread) there is no first byte, and the phase timer falls
 * back to the moment the headers were read.
 */
final class FirstByteClock {

    private static final ThreadLocal<FirstByteClock> CLOCKS = ThreadLocal.withInitial(FirstByteClock::new);

    private boolean armed;
    private long lastWrite;
    private long firstByte;

    static FirstByteClock current() {
        return CLOCKS.get();
    }

    /** Bytes went out: the next waiting read starts the answer. */
    void wrote() {
        lastWrite = System.nanoTime();
        armed = true;
        firstByte = 0;
    }

    boolean armed() {
        return armed;
    }

    /** A read returned data; {@code waited} when nothing was there before it started. */
    void read(boolean waited) {
        if (armed && waited) {
            firstByte = System.nanoTime();
            armed = false;
        }
    }

    /** When the last write on this thread ended, if after {@code since}; else 0. */
    long lastWriteAfter(long since) {
        return lastWrite > since ? lastWrite : 0;
    }

    /** When the answer's first byte came, if after {@code since}; else 0. */
    long firstByteAfter(long since) {
        return firstByte > since ? firstByte : 0;
    }
}
