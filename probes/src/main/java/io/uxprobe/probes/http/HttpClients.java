package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Tls;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Makes the HTTP client each journey run uses. By default every run gets a fresh connection pool and cookie jar,
 * so dns, connect and tls are measured as a new user meets them; {@code reuseConnections: true} shares one pool.
 * Clients never retry or follow redirects on their own ({@code retryOnConnectionFailure(false)},
 * {@code followRedirects(false)}): one probe, one request, and {@link Session} decides what a browser would do.
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
    private final ConcurrentHashMap<ClientKey, OkHttpClient> clients = new ConcurrentHashMap<>();

    /** One client per way of trusting servers and way out; a run only adds its own pool and cookie jar. */
    private record ClientKey(Tls tls, Egress egress) {}

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
        OkHttpClient base = clients.computeIfAbsent(new ClientKey(settings.tls(), egress), key -> {
            OkHttpClient.Builder b = root.newBuilder();
            TrustSettings.apply(b, key.tls());
            EgressSettings.apply(b, key.egress(), key.tls());
            return b.build();
        });
        ConnectionPool pool = settings.reuseConnections() ? sharedPool : new ConnectionPool(4, 1, TimeUnit.MINUTES);
        RunCookieJar cookies = new RunCookieJar();
        OkHttpClient client = base.newBuilder().connectionPool(pool).cookieJar(cookies).build();
        return new Session(client, cookies, settings.reuseConnections() ? null : pool, egress.proxy());
    }

    @Override
    public void close() {
        sharedPool.evictAll();
        root.dispatcher().executorService().shutdown();
    }
}
