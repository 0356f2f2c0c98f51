package io.uxprobe.probes.http;

/**
 * When a request's last bytes went to the socket and when the first byte of the answer came off it, per thread:
 * an HTTP/1 call writes its request and reads the answer on the calling thread, so the first read after the last
 * write that had to wait for data is the answer's first byte (curl's and Go's "first byte", before any header is
 * parsed). OkHttp's own events come earlier (request headers buffered, not yet flushed) and later (headers
 * parsed): on loopback some 0.1 ms each way in a young JVM.
 *
 * <p>A read that finds data already waiting is kept apart: on a plain connection it is still the answer, which
 * came before the read (a fast server on loopback often answers before our write call even returns), so the
 * server's time is counted from when that write began to when the read returned; on a TLS 1.3
 * connection it may be the session ticket the server sent after the handshake, so only a read that waited
 * counts. When neither is known (and for HTTP/2, whose reads happen on another thread) the phase timer falls
 * back to the moment the headers were read.
 */
final class FirstByteClock {

    private static final ThreadLocal<FirstByteClock> CLOCKS = ThreadLocal.withInitial(FirstByteClock::new);

    private long lastWriteBegan;
    private long lastWrite;
    private long firstData;
    private long firstWaited;
    private long receivedSinceWrite;

    static FirstByteClock current() {
        return CLOCKS.get();
    }

    /** Bytes went out in a write that began at {@code began}: the next read starts the answer. */
    void wrote(long began) {
        lastWriteBegan = began;
        lastWrite = System.nanoTime();
        firstData = 0;
        firstWaited = 0;
        receivedSinceWrite = 0;
    }

    /** {@code bytes} came off the socket. */
    void received(int bytes) {
        receivedSinceWrite += bytes;
    }

    /** Bytes read since the last write: all of an answer so far, when a call failed before its headers were read. */
    long receivedSinceWrite() {
        return receivedSinceWrite;
    }

    /** Between a write and the first read that waited for data. */
    boolean armed() {
        return lastWrite != 0 && firstWaited == 0;
    }

    /** A read returned data; {@code waited} when nothing was there before it started. */
    void read(boolean waited) {
        if (!armed()) return;
        long now = System.nanoTime();
        if (firstData == 0) firstData = now;
        if (waited) firstWaited = now;
    }

    /**
     * When the request went out, if after {@code since}; else 0. That is when its last write returned, except on a
     * plain connection whose answer was already waiting at the first read: then the write was held up while the
     * server answered (on loopback the server may run on our core), and the answer counts from when it began.
     */
    long sentAfter(long since, boolean overTls) {
        boolean wasWaiting = firstData != 0 && firstData != firstWaited; // the first read did not wait
        long at = !overTls && wasWaiting ? lastWriteBegan : lastWrite;
        return at > since ? at : 0;
    }

    /**
     * When the answer's first byte came, if after {@code since}; else 0. {@code overTls}: only a read that waited
     * counts, since data already there may be the session ticket.
     */
    long firstByteAfter(long since, boolean overTls) {
        long at = overTls ? firstWaited : firstData;
        return at > since ? at : 0;
    }
}
