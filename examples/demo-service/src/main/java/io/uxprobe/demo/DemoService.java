package io.uxprobe.demo;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo music service, answering on one port per region, each region with its own outage that can be switched while
 * it runs. Close it to free the ports.
 *
 * <pre>{@code
 * try (DemoService demo = DemoService.start(Map.of("eu-west", 0, "us-east", 0))) {
 *     demo.outage("eu-west", Outage.SOFT_HTML);   // eu-west users now see "Something went wrong. Try again."
 *     demo.baseUrl("us-east");                     // http://127.0.0.1:41234, still healthy
 * }
 * }</pre>
 */
public final class DemoService implements AutoCloseable {

    /** The password every demo user logs in with; not a common word, since uxprobe masks a secret wherever it appears. */
    public static final String PASSWORD = "let-me-listen";

    /**
     * @param bind the address every region's port listens on: loopback unless the service must be reached from outside
     *     (0.0.0.0 in a container)
     * @param slowDelay how long the {@code slow} outage holds every response
     * @param streamBytesPerSecond the steady rate audio is sent at
     */
    public record Options(InetAddress bind, Duration slowDelay, long streamBytesPerSecond) {

        public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(3);
        /** 2 MiB/s: far above what a player needs (16 KiB/s), slow enough that transfer time shows. */
        public static final long DEFAULT_STREAM_RATE = 2L * 1024 * 1024;

        public Options {
            Objects.requireNonNull(bind, "bind");
            if (slowDelay.isNegative()) throw new IllegalArgumentException("slowDelay must not be negative: " + slowDelay);
            if (streamBytesPerSecond <= 0) throw new IllegalArgumentException("streamBytesPerSecond must be positive: " + streamBytesPerSecond);
        }

        public static Options defaults() {
            return new Options(InetAddress.getLoopbackAddress(), DEFAULT_SLOW_DELAY, DEFAULT_STREAM_RATE);
        }

        public Options withBind(InetAddress bind) {
            return new Options(bind, slowDelay, streamBytesPerSecond);
        }

        public Options withSlowDelay(Duration slowDelay) {
            return new Options(bind, slowDelay, streamBytesPerSecond);
        }

        public Options withStreamRate(long bytesPerSecond) {
            return new Options(bind, slowDelay, bytesPerSecond);
        }
    }

    private final Map<String, RegionListener> listeners;
    private final Outages outages;
    private final String host;
    private final AtomicBoolean closed;

    private DemoService(Map<String, RegionListener> listeners, Outages outages, String host, AtomicBoolean closed) {
        this.listeners = listeners;
        this.outages = outages;
        this.host = host;
        this.closed = closed;
    }

    /** Starts every region on loopback with the default options. */
    public static DemoService start(Map<String, Integer> regionPorts) throws IOException {
        return start(regionPorts, Options.defaults());
    }

    /**
     * @param regionPorts region name to port, in the order the regions are listed; port 0 picks a free port
     * @throws IOException when a port cannot be bound; regions already started are closed again
     */
    public static DemoService start(Map<String, Integer> regionPorts, Options options) throws IOException {
        if (regionPorts.isEmpty()) throw new IllegalArgumentException("give at least one region, such as eu-west=8080");
        regionPorts.forEach((region, port) -> {
            if (!region.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("bad region name '" + region + "': use letters, digits, '.', '_' and '-'");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("bad port " + port + " for region " + region + ": use 0 to 65535");
        });
        List<String> regions = new ArrayList<>(regionPorts.keySet());
        Outages outages = new Outages(regions);
        Catalogue catalogue = new Catalogue();
        AtomicBoolean closed = new AtomicBoolean();
        String host = host(options.bind());
        Map<String, RegionListener> listeners = new LinkedHashMap<>();
        Router router = new Router(outages, new MusicApi(catalogue, new Sessions()), new AudioEndpoint(catalogue, options.streamBytesPerSecond()),
                new AdminEndpoint(outages), options.slowDelay(), closed::get,
                region -> "http://" + host + ":" + listeners.get(region).port());
        try {
            for (String region : regions) {
                try {
                    listeners.put(region, new RegionListener(region, options.bind(), regionPorts.get(region), router));
                } catch (IOException e) {
                    throw new IOException("region " + region + ": cannot listen on " + options.bind().getHostAddress() + ":" + regionPorts.get(region)
                            + " (" + e.getMessage() + "); pick another port or stop what uses it", e);
                }
            }
        } catch (IOException | RuntimeException e) {
            listeners.values().forEach(RegionListener::close);
            throw e;
        }
        return new DemoService(listeners, outages, host, closed);
    }

    /** The host clients use: the bound address, or loopback when bound to every address. */
    private static String host(InetAddress bind) {
        InetAddress a = bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    }

    /** The regions, in the order they were given. */
    public List<String> regions() {
        return List.copyOf(listeners.keySet());
    }

    public int port(String region) {
        RegionListener listener = listeners.get(region);
        if (listener == null) throw new IllegalArgumentException("unknown region '" + region + "': the demo serves " + String.join(", ", listeners.keySet()));
        return listener.port();
    }

    /** {@code http://127.0.0.1:8080}: what {@code --var base=} takes. */
    public String baseUrl(String region) {
        return "http://" + host + ":" + port(region);
    }

    /** Breaks a region, or heals it with {@link Outage#NONE}; takes effect from the next request (and for streams in flight, the next chunk). */
    public void outage(String region, Outage outage) {
        outages.set(region, Objects.requireNonNull(outage, "outage"));
    }

    public Outage outage(String region) {
        return outages.get(region);
    }

    /** Every region's outage, in region order. */
    public Map<String, Outage> outages() {
        return outages.all();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        listeners.values().forEach(RegionListener::close);
    }
}
