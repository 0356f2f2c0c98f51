package io.uxprobe.agent.status;

import java.util.Locale;

/**
 * What users of a journey meet, in one region or across regions. Only {@link #UP} and {@link #DOWN} are confirmed
 * states that notifications speak of; {@link #DEGRADED} is a warning the page shows and never notifies.
 *
 * <ul>
 *   <li>{@code PENDING}: registered, no run has finished yet.
 *   <li>{@code UP}: the last runs passed (or failed fewer times in a row than {@code failureThreshold}: see DEGRADED).
 *   <li>{@code DEGRADED}: in one region, the latest run failed but not yet {@code failureThreshold} times in a row;
 *       across regions, the journey is down or degraded in some regions, not all.
 *   <li>{@code DOWN}: {@code failureThreshold} runs in a row failed, and fewer than {@code successThreshold} have
 *       passed since; across regions, down in every region that has run.
 * </ul>
 */
public enum State {
    PENDING("No run yet"),
    UP("Up"),
    DEGRADED("Degraded"),
    DOWN("Down");

    private final String text;

    State(String text) {
        this.text = text;
    }

    /** The word people read: {@code Up}, {@code Degraded}, {@code Down}, {@code No run yet}. */
    public String text() {
        return text;
    }

    /** The JSON and template value: {@code up}, {@code degraded}, {@code down}, {@code pending}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
