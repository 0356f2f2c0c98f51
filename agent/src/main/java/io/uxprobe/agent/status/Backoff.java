package io.uxprobe.agent.status;

import java.time.Duration;

/** Waits between delivery attempts: {@code first}, then doubling, never more than {@code max}. */
public record Backoff(Duration first, Duration max) {

    /** 1 s, 2 s, 4 s … 60 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Backoff {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first backoff must be positive, got " + first);
        if (max.compareTo(first) < 0) throw new IllegalArgumentException("max backoff " + max + " is below the first " + first);
    }

    /** The wait after failed attempt number {@code attempt} (1 = the first). */
    public Duration after(int attempt) {
        Duration d = first;
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(max) > 0 ? max : d;
    }
}
