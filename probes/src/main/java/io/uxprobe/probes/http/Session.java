package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.ProxyServer;
import io.uxprobe.probes.journey.StreamSpec;
import io.uxprobe.probes.spec.DataSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.Handshake;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** The HTTP side of one journey run: its connections and cookies. Sends each step's request and reads the answer. */
public final class Session implements AutoCloseable {

    /** How much of a stream's body is kept for expectations; the rest is counted and dropped. */
    private static final int STREAM_KEEP = 64 * 1024;

    private final OkHttpClient client;
    private final RunCookieJar cookies;
    private final okhttp3.ConnectionPool ownPool;
    private final Optional<ProxyServer> proxy;
    private OkHttpClient notFollowing; // made when a step first asks not to follow redirects

    /** @param proxy the region's proxy every connection goes to, named in connection failures */
    Session(OkHttpClient client, RunCookieJar cookies, okhttp3.ConnectionPool ownPool, Optional<ProxyServer> proxy) {
        this.client = client;
        this.cookies = cookies;
        this.ownPool = ownPool;
        this.proxy = proxy;
    }

    /**
     * Sends {@code request} and reads its body: whole, up to {@code maxBody}, or as a stream when {@code stream} is set.
     *
     * @param timeout the step's deadline, from sending to the last byte read
     */
    public Exchange exchange(Request request, boolean followRedirects, Duration timeout, DataSize maxBody, Optional<StreamSpec> stream) {
        PhaseRecorder phases = new PhaseRecorder();
        // the recorder rides on the request (see HttpClients' listener factory): no client is built per step
        Call call = (followRedirects ? client : notFollowing()).newCall(request.newBuilder().tag(PhaseRecorder.class, phases).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            phases.failedNow();
            Failure f = TransportErrors.classify(e, phases.stage(), timedOut(start, timeout), timeout, proxy);
            return new Exchange(OptionalInt.empty(), Optional.empty(), Optional.of(f), phases.timings(),
                    Duration.ofNanos(System.nanoTime() - start), 0, OptionalDouble.empty(), Optional.empty());
        }
        try (response) {
            // inside a CONNECT tunnel a 407 would be the site's own; outside one it is the proxy's
            if (response.code() == 407 && proxy.isPresent() && !response.request().isHttps()) {
                phases.bodyRead();
                return new Exchange(OptionalInt.of(407), Optional.empty(), Optional.of(proxyRefused()), phases.timings(),
                        Duration.ofNanos(System.nanoTime() - start), 0, OptionalDouble.empty(), Optional.empty());
            }
            BodyRead read = stream.isPresent()
                    ? readStream(response.body(), stream.get(), phases, start, timeout)
                    : readCapped(response.body(), maxBody, phases, start, timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ObservedResponse observed = new ObservedResponse(response.code(), response.request().url().toString(),
                    response.headers().toMultimap(), read.bytes, took, cookiesOf(response));
            OptionalDouble rate = stream.isPresent() ? OptionalDouble.of(rate(read.total, phases)) : OptionalDouble.empty();
            Exchange exchange = new Exchange(OptionalInt.of(response.code()), Optional.of(observed), read.failure, phases.timings(),
                    took, read.total, rate, expiry(response.handshake()));
            response.close();
            forgetIfClosing(response);
            return exchange;
        }
    }

    private OkHttpClient notFollowing() {
        if (notFollowing == null) notFollowing = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
        return notFollowing;
    }

    /**
     * An HTTP/1.0 server closes the connection after its answer unless it said keep-alive; OkHttp would pool it all
     * the same, and without retries the next step would meet a closed socket. A browser just reconnects: so do we.
     */
    private void forgetIfClosing(Response response) {
        boolean keepAlive = response.protocol() != Protocol.HTTP_1_0
                || "keep-alive".equalsIgnoreCase(response.header("Connection", ""));
        if (!keepAlive && ownPool != null) ownPool.evictAll();
    }

    /** The proxy, not the site, answered: the site was never reached. */
    private Failure proxyRefused() {
        ProxyServer p = proxy.orElseThrow();
        return Failure.of(FailureReason.CONNECT, p.credentials().isPresent()
                ? "proxy " + p + " refused the password (407 Proxy Authentication Required)"
                : "proxy " + p + " wants a password (407 Proxy Authentication Required): give it in the region's proxy URL as user:password@");
    }

    private record BodyRead(byte[] bytes, long total, Optional<Failure> failure) {}

    private static BodyRead readCapped(ResponseBody body, DataSize max, PhaseRecorder phases, long start, Duration timeout) {
        long declared = body.contentLength();
        if (declared > max.bytes()) {
            phases.bodyRead();
            return new BodyRead(new byte[0], 0, Optional.of(tooLarge(max, "Content-Length: " + DataSize.ofBytes(declared))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        Buffer chunk = new Buffer();
        long total = 0;
        try {
            BufferedSource source = body.source();
            long n;
            while ((n = source.read(chunk, 8192)) != -1) {
                total += n;
                if (total > max.bytes()) {
                    phases.bodyRead();
                    return new BodyRead(new byte[0], total, Optional.of(tooLarge(max, "stopped reading there")));
                }
                chunk.copyTo(out, 0, n);
                chunk.clear();
            }
            phases.bodyRead();
            return new BodyRead(out.toByteArray(), total, Optional.empty());
        } catch (IOException e) {
            phases.failedNow();
            return new BodyRead(out.toByteArray(), total,
                    Optional.of(TransportErrors.classify(e, PhaseRecorder.Stage.BODY, timedOut(start, timeout), timeout)));
        }
    }

    private static BodyRead readStream(ResponseBody body, StreamSpec spec, PhaseRecorder phases, long start, Duration timeout) {
        long limit = spec.read().map(DataSize::bytes).orElse(Long.MAX_VALUE);
        long until = spec.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        Buffer chunk = new Buffer();
        long total = 0;
        try {
            BufferedSource source = body.source();
            // a read that waits longer than stallAfter for its next byte throws: that is a stall
            source.timeout().timeout(spec.stallAfter().toNanos(), TimeUnit.NANOSECONDS);
            long n;
            while (total < limit && System.nanoTime() < until
                    && (n = source.read(chunk, Math.min(16384, limit - total))) != -1) {
                total += n;
                long keep = Math.min(n, STREAM_KEEP - kept.size());
                if (keep > 0) chunk.copyTo(kept, 0, keep);
                chunk.clear();
            }
            phases.bodyRead();
            return new BodyRead(kept.toByteArray(), total, Optional.empty());
        } catch (IOException e) {
            phases.failedNow();
            boolean deadline = timedOut(start, timeout);
            if (e instanceof InterruptedIOException && !deadline) {
                return new BodyRead(kept.toByteArray(), total, Optional.of(Failure.of(FailureReason.STREAM_STALL,
                        "stream stalled: no byte for " + io.uxprobe.probes.spec.Durations.format(spec.stallAfter())
                                + " after " + DataSize.ofBytes(total))));
            }
            return new BodyRead(kept.toByteArray(), total,
                    Optional.of(TransportErrors.classify(e, PhaseRecorder.Stage.BODY, deadline, timeout)));
        }
    }

    private static Failure tooLarge(DataSize max, String seen) {
        return Failure.of(FailureReason.BODY_TOO_LARGE, "body is larger than maxBodySize " + max + " (" + seen + ")");
    }

    private static boolean timedOut(long start, Duration timeout) {
        // callTimeout fires on a watchdog thread; allow a little scheduling slack
        return System.nanoTime() - start >= timeout.toNanos() - TimeUnit.MILLISECONDS.toNanos(20);
    }

    private static double rate(long bytes, PhaseRecorder phases) {
        double seconds = Math.max(phases.timings().get(io.uxprobe.probes.journey.Phase.TRANSFER).toNanos(), 1_000_000) / 1e9;
        return bytes / seconds;
    }

    private Map<String, String> cookiesOf(Response response) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Cookie c : Cookie.parseAll(response.request().url(), response.headers())) out.put(c.name(), c.value());
        cookies.valuesFor(response.request().url()).forEach(out::putIfAbsent);
        return out;
    }

    private static Optional<Instant> expiry(Handshake handshake) {
        if (handshake == null) return Optional.empty();
        List<Certificate> chain = handshake.peerCertificates();
        if (chain.isEmpty() || !(chain.getFirst() instanceof X509Certificate leaf)) return Optional.empty();
        return Optional.of(leaf.getNotAfter().toInstant());
    }

    /** The run's cookies, for a browser step to open its page with (a session logged in over HTTP). */
    public List<io.uxprobe.probes.browser.Cookie> cookies() {
        return cookies.all().stream().map(Session::toBrowser).toList();
    }

    /** The cookies a browser step ended with: later HTTP steps send them. */
    public void keepCookies(List<io.uxprobe.probes.browser.Cookie> fromBrowser) {
        cookies.putAll(fromBrowser.stream().flatMap(c -> fromBrowser(c).stream()).toList());
    }

    private static io.uxprobe.probes.browser.Cookie toBrowser(Cookie c) {
        return new io.uxprobe.probes.browser.Cookie(c.name(), c.value(), c.domain(), c.path(), c.secure(), c.httpOnly(), c.hostOnly(),
                c.persistent() ? java.util.OptionalLong.of(c.expiresAt() / 1000) : java.util.OptionalLong.empty());
    }

    private static Optional<Cookie> fromBrowser(io.uxprobe.probes.browser.Cookie c) {
        try {
            Cookie.Builder b = new Cookie.Builder().name(c.name()).value(c.value()).path(c.path().isEmpty() ? "/" : c.path());
            String domain = c.domain().startsWith(".") ? c.domain().substring(1) : c.domain();
            if (c.hostOnly()) b.hostOnlyDomain(domain);
            else b.domain(domain);
            if (c.secure()) b.secure();
            if (c.httpOnly()) b.httpOnly();
            c.expiresAt().ifPresent(s -> b.expiresAt(s * 1000));
            return Optional.of(b.build());
        } catch (IllegalArgumentException unusable) {
            return Optional.empty(); // a name or value OkHttp refuses: the HTTP steps could not send it either
        }
    }

    @Override
    public void close() {
        // a run's own connections end with it, so no socket outlives the run
        if (ownPool != null) ownPool.evictAll();
    }
}
