package io.uxprobe.agent.metrics;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes the agent's series to a Prometheus Pushgateway, for {@code uxprobe run} in CI where nothing scrapes.
 *
 * <p>One group per region, {@code /metrics/job/<job>/region/<region>}, with no {@code instance}: the next push from
 * any runner of that region replaces it (PUT). One group per region, not one per agent, because the Pushgateway
 * sets the grouping key's labels on every series it stores: journey series of another region pushed in the agent's
 * group would be relabelled into the agent's region and collide. Series without a region go to the agent's region.
 */
public final class MetricsPush {

    public static final String DEFAULT_JOB = "uxprobe";

    private final String gateway;
    private final Scheme scheme;
    private final String address;
    private final Optional<String[]> basicAuth;
    private final String job;
    private final String region;
    private final PrometheusRegistry registry;

    private MetricsPush(URI url, String job, String region, PrometheusRegistry registry) {
        this.job = requireText(job, "job");
        this.region = requireText(region, "region");
        this.registry = Objects.requireNonNull(registry, "registry");
        String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!s.equals("http") && !s.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("Pushgateway URL " + withoutUserInfo(url)
                    + " is not an http(s) URL with a host; expected e.g. http://pushgateway:9091");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("Pushgateway URL " + withoutUserInfo(url)
                    + " has a query or fragment; give scheme, host, port and an optional path prefix only");
        }
        scheme = Scheme.fromString(s);
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        address = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + path;
        basicAuth = Optional.ofNullable(url.getRawUserInfo()).map(MetricsPush::credentials);
        gateway = withoutUserInfo(url);
    }

    /**
     * @param url the Pushgateway, {@code http(s)://[user:password@]host[:port][/prefix]}
     * @param job the {@code job} label, usually {@link #DEFAULT_JOB}
     * @param region the agent's region: the group of series that carry no region of their own
     * @param registry what to push, e.g. {@code AgentMetrics.registry().getPrometheusRegistry()}
     * @throws IllegalArgumentException when the URL is not one, naming what is wrong
     */
    public static MetricsPush to(String url, String job, String region, PrometheusRegistry registry) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            // the reason and where, never the input: it may hold a password
            throw new IllegalArgumentException("Pushgateway URL is not a URL (" + e.getReason() + (e.getIndex() >= 0 ? " at character "
                    + (e.getIndex() + 1) : "") + "); expected e.g. http://pushgateway:9091");
        }
        return new MetricsPush(uri, job, region, registry);
    }

    /** Where pushes go, without credentials: for logs and messages. */
    public String gateway() {
        return gateway;
    }

    /** Replaces each region's group with the current series of that region. */
    public void push() throws IOException {
        Map<String, MetricSnapshots> byRegion = RegionSnapshots.split(registry.scrape(), JourneyMetrics.REGION, region);
        for (Map.Entry<String, MetricSnapshots> group : byRegion.entrySet()) {
            MetricSnapshots snapshots = group.getValue();
            try {
                pushGateway(group.getKey()).push((MultiCollector) () -> snapshots);
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot push metrics to the Pushgateway at " + gateway + " (job " + job + ", region "
                        + group.getKey() + "): " + reason(e) + "; check the URL and that the Pushgateway is up", e);
            }
        }
    }

    private PushGateway pushGateway(String groupRegion) {
        // Explicit properties: the URL given to uxprobe is the address, whatever prometheus.properties may say.
        PushGateway.Builder b = PushGateway.builder(PrometheusProperties.builder().build())
                .scheme(scheme)
                .address(address)
                .job(job)
                .groupingKey(JourneyMetrics.REGION, groupRegion)
                .format(Format.PROMETHEUS_TEXT);
        basicAuth.ifPresent(c -> b.basicAuth(c[0], c[1]));
        return b.build();
    }

    private static String[] credentials(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return new String[] {decode(user), decode(password)};
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL without what comes before the host's last {@code @}, even where the URI class found no host. */
    private static String withoutUserInfo(URI url) {
        String authority = url.getRawAuthority();
        if (authority == null || !authority.contains("@")) return url.toString();
        return url.toString().replace(authority, authority.substring(authority.lastIndexOf('@') + 1));
    }

    /** What went wrong at the bottom: client_java wraps it in an IOException that repeats the address. */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Pushgateway " + what + " must not be empty");
        return value;
    }
}
