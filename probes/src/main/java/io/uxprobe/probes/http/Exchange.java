package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.PhaseTimings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one HTTP request of a step came to: a response (maybe with a failure while reading its body), or a failure
 * before any response. Nothing here is judged yet: expectations run on {@link #response()} afterwards.
 *
 * @param failure set when the wire broke: dns, connect, tls, timeout, protocol, body_too_large, stream_stall
 * @param duration from the call's start to the last byte read (or the failure)
 * @param bytes body bytes read
 * @param bytesPerSecond body bytes over transfer time; set for stream steps
 * @param certificateExpiry when the server's leaf certificate expires (HTTPS only)
 */
public record Exchange(
        OptionalInt status,
        Optional<ObservedResponse> response,
        Optional<Failure> failure,
        PhaseTimings phases,
        Duration duration,
        long bytes,
        OptionalDouble bytesPerSecond,
        Optional<Instant> certificateExpiry) {}
