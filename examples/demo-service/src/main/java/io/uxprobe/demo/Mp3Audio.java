package io.uxprobe.demo;

/**
 * A track's audio, generated rather than stored: 417-byte MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) whose
 * payload is pseudo-random but fixed by track id and offset, so any range can be produced, and checked, on its own.
 */
final class Mp3Audio {

    static final int FRAME_LENGTH = 417;
    /** Frame sync, MPEG-1 Layer III without CRC, 128 kbit/s at 44.1 kHz, joint stereo. */
    private static final byte[] FRAME_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0x64};

    private Mp3Audio() {}

    /** Fills {@code buf[0..len)} with the track's bytes from {@code offset} on. */
    static void fill(String trackId, long offset, byte[] buf, int len) {
        long seed = seed(trackId);
        for (int i = 0; i < len; i++) buf[i] = byteAt(seed, offset + i);
    }

    static byte byteAt(String trackId, long offset) {
        return byteAt(seed(trackId), offset);
    }

    private static byte byteAt(long seed, long offset) {
        int inFrame = (int) (offset % FRAME_LENGTH);
        if (inFrame < FRAME_HEADER.length) return FRAME_HEADER[inFrame];
        return (byte) (mix(seed + (offset >>> 3)) >>> ((offset & 7) * 8));
    }

    private static long seed(String trackId) {
        return mix(trackId.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's finaliser: cheap, and every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
