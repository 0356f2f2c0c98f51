package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Tls;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Makes the HTTP side of each journey run. By default every run starts with no connection and no cookie, so dns,
 * connect and tls are measured as a new user meets them; {@code reuseConnections: true} shares one pool.
 * Clients never retry or follow redirects on their own ({@code retryOnConnectionFailure(false)},
 * {@code followRedirects(false)}): one probe, one request, and {@link Session} decides what a browser would do.
 *
 * <p>A run's connection pool and the clients over it are not made per run: once a run ends, its connections closed,
 * they serve the next run of the same trust and egress ({@link RunConnections}). TLS is set up the first time a
 * run meets an {@code https} URL, not before: an agent or a {@code check} of {@code http} pages never loads it.
 *
 * <p>A run may leave through a region's {@link Egress}: its proxy, and its DNS server in place of the system resolver.
 *
 * <p>Fresh DNS needs the JVM's own cache off: the agent sets {@code networkaddress.cache.ttl=0} at start.
 */
public final class HttpClients implements AutoCloseable {

    /** Idle connections a pool keeps: all journeys' with {@code reuseConnections: true}, at most 4 of one run's own. */
    static final int MAX_IDLE_CONNECTIONS = 16;

    private final OkHttpClient root;
    private final ConnectionPool sharedPool = new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES);
    private final ConcurrentHashMap<ClientKey, RunConnections.Clients> clients = new ConcurrentHashMap<>();
    /** Connections of runs that ended, ready for the next run of the same key. */
    private final ConcurrentHashMap<PoolKey, Queue<RunConnections>> idle = new ConcurrentHashMap<>();

    // The keys' equals and hashCode are written out, as Tls's and Egress's are: every run looks its key up, and a
    // record's own (built at run time from method handles) took ~3 % of serve's CPU per probe.

    /** One way of trusting servers and way out. */
    private record ClientKey(Tls tls, Egress egress) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClientKey k && tls.equals(k.tls) && egress.equals(k.egress);
        }

        @Override
        public int hashCode() {
            return 31 * tls.hashCode() + egress.hashCode();
        }
    }

    /** The same, and whether runs share their connections. */
    private record PoolKey(ClientKey clients, boolean shared) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PoolKey k && shared == k.shared && clients.equals(k.clients);
        }

        @Override
        public int hashCode() {
            return 31 * clients.hashCode() + Boolean.hashCode(shared);
        }
    }

    public HttpClients() {
        // one deadline rules a step (callTimeout); socket timeouts off so they never cut in first
        root = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(0, TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .eventListenerFactory(HttpClients::phasesOf)
                .socketFactory(new FirstByteSocketFactory())
                .connectionSpecs(RunConnections.PLAIN_ONLY) // TLS comes with the first https URL (RunConnections)
                .build();
    }

    // Each step's request carries its own PhaseRecorder (Session tags it); requests without one are not timed.
    private static EventListener phasesOf(Call call) {
        PhaseRecorder phases = call.request().tag(PhaseRecorder.class);
        return phases != null ? phases : EventListener.NONE;
    }

    /** Opens the HTTP side of one journey run, straight out of the agent; close it when the run ends. */
    public Session open(Settings settings) {
        return open(settings, Egress.DIRECT);
    }

    /**
     * Opens the HTTP side of one journey run that leaves through {@code egress} (a region's proxy and DNS server);
     * close it when the run ends.
     */
    public Session open(Settings settings, Egress egress) {
        PoolKey key = new PoolKey(new ClientKey(settings.tls(), egress), settings.reuseConnections());
        Queue<RunConnections> ready = idle.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        RunConnections connections = ready.poll();
        while (connections != null && !connections.clean()) connections = ready.poll(); // its pool closes what is left, in time
        if (connections == null) {
            RunConnections.Clients base = clients.computeIfAbsent(key.clients(), k -> new RunConnections.Clients(root, k.tls(), k.egress()));
            ConnectionPool pool = key.shared() ? sharedPool : new ConnectionPool(4, 1, TimeUnit.MINUTES);
            connections = new RunConnections(base, pool, !key.shared());
        }
        RunCookieJar cookies = new RunCookieJar();
        connections.startRun(cookies);
        RunConnections taken = connections;
        return new Session(taken, cookies, egress.proxy(), () -> {
            if (taken.clean()) ready.add(taken);
        });
    }

    @Override
    public void close() {
        sharedPool.evictAll();
        root.dispatcher().executorService().shutdown();
    }
}
