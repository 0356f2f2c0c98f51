package io.uxprobe.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Sends part of a track's audio at a steady rate, 16 KiB at a time, as a streaming CDN would. While {@code stalled}
 * says so it stops sending after the chunk in flight and holds the connection open.
 */
final class AudioStream implements HttpResponse.BodyWriter {

    static final int CHUNK = 16 * 1024;
    /** A stall ends by itself after this long, so a forgotten outage does not hold connections forever. */
    private static final long MAX_STALL_NANOS = 10L * 60 * 1_000_000_000L;

    private final String trackId;
    private final ByteRange.Part part;
    private final long bytesPerSecond;
    private final BooleanSupplier stalled;

    AudioStream(String trackId, ByteRange.Part part, long bytesPerSecond, BooleanSupplier stalled) {
        this.trackId = trackId;
        this.part = part;
        this.bytesPerSecond = bytesPerSecond;
        this.stalled = stalled;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buf = new byte[CHUNK];
        long start = System.nanoTime();
        long sent = 0;
        while (sent < part.length()) {
            int n = (int) Math.min(CHUNK, part.length() - sent);
            Mp3Audio.fill(trackId, part.first() + sent, buf, n);
            out.write(buf, 0, n);
            out.flush();
            sent += n;
            if (stalled.getAsBoolean()) {
                holdWhileStalled();
                start = System.nanoTime() - nanosFor(sent); // after a stall, carry on at the usual rate, not in a burst
            }
            pace(start, sent);
        }
    }

    private void holdWhileStalled() throws IOException {
        long until = System.nanoTime() + MAX_STALL_NANOS;
        while (stalled.getAsBoolean() && System.nanoTime() < until) sleep(50_000_000L);
    }

    private void pace(long start, long sent) throws IOException {
        long ahead = start + nanosFor(sent) - System.nanoTime();
        if (ahead > 0) sleep(ahead);
    }

    private long nanosFor(long bytes) {
        return bytes * 1_000_000_000L / bytesPerSecond;
    }

    private static void sleep(long nanos) throws IOException {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        }
    }
}
