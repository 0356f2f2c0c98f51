package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Tls;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The connections of one journey run at a time: a pool and the clients over it, made once and handed from one run
 * to the next (each run's connections closed when it ends, its cookies its own). Building an {@code OkHttpClient}
 * and a pool per run cost ~3% of a probe's CPU.
 *
 * <p>Four clients at most, each made the first time a URL needs it: plain HTTP or TLS (an agent that probes only
 * {@code http} never loads TLS: its trust store, providers and {@code SSLContext} are ~40 ms of a {@code check}),
 * to a host name or to an IP address. A name may resolve to IPv6 and IPv4 addresses, which OkHttp races as
 * browsers do (happy eyeballs, on a thread of its own); an address has no other to race, so it is connected on the
 * run's own thread.
 */
final class RunConnections {

    /** The plain-HTTP clients' only kind of connection: they are never given an https URL. */
    static final List<ConnectionSpec> PLAIN_ONLY = List.of(ConnectionSpec.CLEARTEXT);

    private final Clients clients;
    private final ConnectionPool pool;
    private final boolean ownPool;
    private final CurrentRunJar cookies = new CurrentRunJar();
    private final OkHttpClient[] made = new OkHttpClient[4];

    /**
     * @param clients the clients of the run's trust and egress, which these derive from
     * @param ownPool the pool is this run's alone: its connections close when the run ends
     */
    RunConnections(Clients clients, ConnectionPool pool, boolean ownPool) {
        this.clients = clients;
        this.pool = pool;
        this.ownPool = ownPool;
    }

    /** A run starts with these cookies; the clients keep theirs there until {@link #endRun}. */
    void startRun(RunCookieJar jar) {
        cookies.run = jar;
    }

    /** The run ended: its own connections close (no socket outlives the run), its cookies are let go. */
    void endRun() {
        if (ownPool) pool.evictAll();
        cookies.run = null;
    }

    /**
     * Nothing of a past run is left in the pool. {@link #endRun} closes idle connections only: one still in use when
     * its run ended (a body not yet let go) would join the pool later, and the next run would skip its connect on it.
     */
    boolean clean() {
        return !ownPool || pool.connectionCount() == 0;
    }

    /** An HTTP/1.0 server's connection that will not be used again: in the run's own pool, closed now. */
    void forgetIdle() {
        if (ownPool) pool.evictAll();
    }

    /** The client for a request to {@code url}. */
    OkHttpClient client(HttpUrl url) {
        int kind = (url.isHttps() ? 2 : 0) + (isAddress(url.host()) ? 1 : 0);
        OkHttpClient c = made[kind];
        if (c == null) {
            OkHttpClient from = url.isHttps() ? clients.tls() : clients.plain();
            c = from.newBuilder().connectionPool(pool).cookieJar(cookies).fastFallback((kind & 1) == 0).build();
            made[kind] = c; // a run is one thread at a time; a second build on a race would be the same client
        }
        return c;
    }

    /**
     * The clients of one trust and egress that every run's derive from: they share its TLS set-up and DNS server, so
     * runs that share a pool share connections too.
     */
    static final class Clients {

        private final OkHttpClient plain;
        private final Tls tls;
        private volatile OkHttpClient withTls;

        Clients(OkHttpClient root, Tls tls, Egress egress) {
            OkHttpClient.Builder b = root.newBuilder();
            EgressSettings.apply(b, egress, tls);
            this.plain = b.build();
            this.tls = tls;
        }

        OkHttpClient plain() {
            return plain;
        }

        /** Made when the first https URL comes: the platform's trust store (or the file's CAs) and an SSLContext. */
        synchronized OkHttpClient tls() {
            if (withTls == null) {
                OkHttpClient.Builder b = plain.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
                TrustSettings.apply(b, tls);
                withTls = b.build();
            }
            return withTls;
        }
    }

    /** An IP address, as OkHttp writes a URL's host (IPv6 without brackets), rather than a name. */
    static boolean isAddress(String host) {
        if (host.indexOf(':') >= 0) return true;
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (digits == 0) return false;
                dots++;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    /** Whose cookies the clients keep: the run's now under way. */
    private static final class CurrentRunJar implements CookieJar {

        private volatile RunCookieJar run;

        @Override
        public void saveFromResponse(HttpUrl url, List<Cookie> received) {
            RunCookieJar jar = run;
            if (jar != null) jar.saveFromResponse(url, received);
        }

        @Override
        public List<Cookie> loadForRequest(HttpUrl url) {
            RunCookieJar jar = run;
            return jar != null ? jar.loadForRequest(url) : List.of();
        }
    }
}
