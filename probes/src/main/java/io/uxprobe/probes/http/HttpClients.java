package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Tls;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes the HTTP client each journey run uses. By default every run gets a fresh connection pool and cookie jar,
 * so dns, connect and tls are measured as a new user meets them; {@code reuseConnections: true} shares one pool.
 * Clients never retry on their own ({@code retryOnConnectionFailure(false)}): one probe, one request.
 *
 * <p>Fresh DNS needs the JVM's own cache off: the agent sets {@code networkaddress.cache.ttl=0} at start.
 */
public final class HttpClients implements AutoCloseable {

    private final OkHttpClient root;
    private final ConnectionPool sharedPool = new ConnectionPool(16, 5, TimeUnit.MINUTES);
    private final ConcurrentHashMap<Tls, OkHttpClient> byTls = new ConcurrentHashMap<>();

    public HttpClients() {
        // one deadline rules a step (callTimeout); socket timeouts off so they never cut in first
        root = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(0, TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .build();
    }

    /** Opens the HTTP side of one journey run; close it when the run ends. */
    public Session open(Settings settings) {
        OkHttpClient base = byTls.computeIfAbsent(settings.tls(), tls -> {
            OkHttpClient.Builder b = root.newBuilder();
            TrustSettings.apply(b, tls);
            return b.build();
        });
        ConnectionPool pool = settings.reuseConnections() ? sharedPool : new ConnectionPool(4, 1, TimeUnit.MINUTES);
        RunCookieJar cookies = new RunCookieJar();
        OkHttpClient client = base.newBuilder().connectionPool(pool).cookieJar(cookies).build();
        return new Session(client, cookies, settings.reuseConnections() ? null : pool);
    }

    @Override
    public void close() {
        sharedPool.evictAll();
        root.dispatcher().executorService().shutdown();
    }
}
