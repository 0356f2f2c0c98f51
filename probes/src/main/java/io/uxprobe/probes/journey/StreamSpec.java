package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.DataSize;
import java.time.Duration;
import java.util.Optional;

/**
 * A step that plays media: read the first {@code read} bytes and/or for {@code duration}, whichever comes first,
 * then hang up. No byte for {@code stallAfter} fails with {@code stream_stall}; less than
 * {@code minBytesPerSecond} fails with {@code assertion}.
 */
public record StreamSpec(Optional<DataSize> read, Optional<Duration> duration, Duration stallAfter, Optional<DataSize> minBytesPerSecond) {

    public static final DataSize DEFAULT_READ = DataSize.ofKiB(256);
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofSeconds(5);
}
