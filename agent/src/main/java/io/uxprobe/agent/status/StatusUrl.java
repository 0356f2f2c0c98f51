package io.uxprobe.agent.status;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Where people open the status page, for the links in messages. Set it ({@code notify: statusUrl}) when the agent
 * is reached through a proxy or an ingress; otherwise it is derived from the listen address.
 */
public final class StatusUrl {

    private StatusUrl() {}

    /** {@code http(s)://host:port/}; a wildcard listen address (0.0.0.0, ::) becomes this machine's host name. */
    public static URI derive(InetSocketAddress listen, int port, boolean tls) {
        String host = listen.getAddress() == null ? listen.getHostString()
                : listen.getAddress().isAnyLocalAddress() ? localHostName() : listen.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port + "/");
    }

    /** The page's link to one journey: the base with the journey's section as fragment. */
    public static URI journey(URI base, String journey) {
        String s = base.toString();
        int hash = s.indexOf('#');
        return URI.create((hash < 0 ? s : s.substring(0, hash)) + "#" + anchor(journey));
    }

    /** The id of a journey's section: {@code journey-<name>} when the name is URL- and id-safe, else with a hex form. */
    static String anchor(String journey) {
        if (journey.matches("[A-Za-z0-9._-]+")) return "journey-" + journey;
        return "journey-x" + HexFormat.of().formatHex(journey.getBytes(StandardCharsets.UTF_8));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
