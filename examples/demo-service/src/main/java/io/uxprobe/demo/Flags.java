package io.uxprobe.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link Main}.
 *
 * @param outages {@code --outage region=mode}: regions that start broken
 */
record Flags(Map<String, Integer> regionPorts, DemoService.Options options, Map<String, Outage> outages, boolean help) {

    private static final Set<String> OPTIONS = Set.of("--regions", "--bind", "--outage", "--slow-delay");

    static final String DEFAULT_REGIONS = "eu-west=8080,us-east=8081,ap-south=8082";

    static final String USAGE = """
            Usage: uxprobe-demo-service [--regions REGION=PORT,...] [--bind ADDRESS] [--outage REGION=MODE]... [--slow-delay DURATION]

            The uxprobe demo music service: one port per region, each region breakable on its own.

              --regions REGION=PORT,...  regions and their ports; port 0 picks a free one
                                         (default %s)
              --bind ADDRESS             address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
              --outage REGION=MODE       start REGION broken; repeatable. Modes: %s
              --slow-delay DURATION      how long the slow outage holds each response: 3s, 500ms (default 3s)
              -h, --help                 show this help

            Switch outages while it runs, on any region's port:
              curl -X POST 'http://127.0.0.1:8080/admin/outage?region=eu-west&mode=soft_html'   (mode=none heals)
              curl http://127.0.0.1:8080/admin/outage
            """.formatted(DEFAULT_REGIONS, Outage.ids());

    /** Thrown for a command line that cannot be run; the message says what to fix. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Flags parse(String... args) throws UsageException {
        String regions = DEFAULT_REGIONS;
        DemoService.Options options = DemoService.Options.defaults();
        Map<String, String> outageArgs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("-h") || name.equals("--help")) return new Flags(Map.of(), options, Map.of(), true);
            if (!OPTIONS.contains(name)) throw new UsageException(name.startsWith("-") ? "unknown option '" + name + "'" : "unexpected argument '" + arg + "'");
            String value;
            if (!name.equals(arg)) {
                value = arg.substring(name.length() + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--regions" -> regions = value;
                case "--bind" -> options = options.withBind(address(value));
                case "--outage" -> {
                    String[] kv = pair(value, "--outage", "eu-west=soft_html");
                    outageArgs.put(kv[0], kv[1]);
                }
                case "--slow-delay" -> options = options.withSlowDelay(duration(value));
                default -> throw new IllegalStateException("option without a case: " + name);
            }
        }
        Map<String, Integer> ports = ports(regions);
        Map<String, Outage> outages = new LinkedHashMap<>();
        for (var e : outageArgs.entrySet()) {
            if (!ports.containsKey(e.getKey())) {
                throw new UsageException("--outage " + e.getKey() + "=…: no such region; the regions are " + String.join(", ", ports.keySet()));
            }
            try {
                outages.put(e.getKey(), Outage.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new UsageException("--outage " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
            }
        }
        return new Flags(ports, options, outages, false);
    }

    private static Map<String, Integer> ports(String regions) throws UsageException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String item : regions.split(",")) {
            if (item.isBlank()) continue;
            String[] kv = pair(item.strip(), "--regions", "eu-west=8080");
            int port;
            try {
                port = Integer.parseInt(kv[1]);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) throw new UsageException("--regions " + item.strip() + ": the port must be a number from 0 to 65535");
            if (ports.put(kv[0], port) != null) throw new UsageException("--regions: region " + kv[0] + " is listed twice");
        }
        if (ports.isEmpty()) throw new UsageException("--regions needs at least one REGION=PORT, such as eu-west=8080");
        return ports;
    }

    private static String[] pair(String value, String flag, String example) throws UsageException {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) throw new UsageException(flag + " " + value + ": expected NAME=VALUE, such as " + example);
        return new String[] {value.substring(0, eq).strip(), value.substring(eq + 1).strip()};
    }

    private static InetAddress address(String value) throws UsageException {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + value + ": not an address this machine can listen on; use 127.0.0.1 or 0.0.0.0");
        }
    }

    static Duration duration(String value) throws UsageException {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m)").matcher(value.strip());
        if (!m.matches()) throw new UsageException("--slow-delay " + value + ": expected a duration such as 3s or 500ms");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
