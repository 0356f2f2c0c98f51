package io.uxprobe.probes.browser;

import java.util.OptionalLong;

/**
 * A cookie of a journey run, as it passes between its HTTP steps and its browser steps (log in over HTTP, then open
 * the player with that session).
 *
 * @param domain the host it is sent to ({@code hostOnly}) or the domain whose subdomains get it too
 * @param expiresAt seconds since the epoch; empty for a session cookie
 */
public record Cookie(String name, String value, String domain, String path, boolean secure, boolean httpOnly, boolean hostOnly,
        OptionalLong expiresAt) {}
