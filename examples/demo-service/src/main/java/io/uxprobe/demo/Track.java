package io.uxprobe.demo;

/** A track in the catalogue. Its audio is {@code durationSeconds} of 128 kbit/s MP3: 16,000 bytes a second. */
record Track(String id, String title, String artist, String genre, int durationSeconds) {

    static final int BYTES_PER_SECOND = 16_000;

    long audioLength() {
        return (long) durationSeconds * BYTES_PER_SECOND;
    }
}
