package io.uxprobe.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a region is broken. {@code /healthz} and {@code /admin/*} are never broken: the point of the demo is that health
 * checks stay green while users see errors.
 */
public enum Outage {
    /** Healthy. */
    NONE,
    /** Every page and API call answers 200 with an HTML page showing "Something went wrong. Try again.", as a broken edge would. */
    SOFT_HTML,
    /** API calls answer 200 {@code {"error":{"message":"Something went wrong. Try again."}}}. */
    SOFT_JSON,
    /** API calls answer 200 {@code {"data":null,"errors":[{"message":"Upstream service unavailable"}]}}. */
    GRAPHQL,
    /** Every page, API call and stream answers 503 with nginx's "503 Service Temporarily Unavailable" page. */
    GATEWAY_503,
    /** Every response is delayed (3 s unless the service was started with another delay). */
    SLOW,
    /** The connection is reset (TCP RST) once a request has been read; no response at all. */
    RESET,
    /** Audio streams send 16 KiB, then nothing, with the connection held open until the region heals. */
    STALL,
    /** Search finds nothing. */
    EMPTY_SEARCH,
    /**
     * Only the API behind the web player ({@code /api/player/*}) fails, with 503: the player page itself is served fine,
     * and it shows "Something went wrong. Try again." from its JavaScript. Only a browser sees it.
     */
    PLAYER_API;

    /** The name used on the command line and the admin endpoint: {@code soft_html}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming every valid mode */
    public static Outage parse(String id) {
        for (Outage o : values()) {
            if (o.id().equalsIgnoreCase(id.strip())) return o;
        }
        throw new IllegalArgumentException("unknown outage mode '" + id + "': use one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Outage::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id();
    }
}
