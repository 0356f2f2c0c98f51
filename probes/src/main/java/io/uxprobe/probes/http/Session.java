package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.ProxyServer;
import io.uxprobe.probes.journey.StreamSpec;
import io.uxprobe.probes.spec.DataSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
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

    /** A redirect's body longer than this is not read: its connection is dropped instead. */
    private static final int REDIRECT_BODY_KEPT = 64 * 1024;

    /** Response headers past this are not read: OkHttp's limit ({@code okhttp3.internal.HEADER_LIMIT}), and Chrome's. */
    private static final long HEADER_LIMIT = 256 * 1024;

    private final RunConnections connections;
    private final RunCookieJar cookies;
    private final Optional<ProxyServer> proxy;
    private final Runnable done;
    private boolean closed;

    /**
     * @param proxy the region's proxy every connection goes to, named in connection failures
     * @param done told once the run's connections are closed, so the next run may take them
     */
    Session(RunConnections connections, RunCookieJar cookies, Optional<ProxyServer> proxy, Runnable done) {
        this.connections = connections;
        this.cookies = cookies;
        this.proxy = proxy;
        this.done = done;
    }

    /**
     * Sends {@code request}, follows its redirects as {@code redirects} says, and reads the last answer's body: whole,
     * up to {@code maxBody}, or as a stream when {@code stream} is set. A request that meets a pooled connection the
     * server had closed meanwhile is sent again on a new one, as a browser does; it is never sent twice otherwise.
     *
     * @param timeout the step's deadline, from sending to the last byte read, redirects included
     */
    public Exchange exchange(Request request, Redirects redirects, Duration timeout, DataSize maxBody, Optional<StreamSpec> stream) {
        PhaseRecorder phases = new PhaseRecorder();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        phases.begin(start);
        Request next = request;
        for (int followed = 0; ; followed++) {
            Sent sent;
            try {
                sent = send(next, phases, deadline);
            } catch (IOException e) {
                phases.failedNow();
                return failed(OptionalInt.empty(), failure(e, phases.stage(), timedOut(start, timeout), timeout), phases);
            }
            try (Response response = sent.response()) {
                // inside a CONNECT tunnel a 407 would be the site's own; outside one it is the proxy's
                if (response.code() == 407 && proxy.isPresent() && !response.request().isHttps()) {
                    phases.bodyRead();
                    return failed(OptionalInt.of(407), proxyRefused(), phases);
                }
                switch (FollowUp.after(response, next, redirects)) {
                    case FollowUp.Follow f -> {
                        discard(sent, phases);
                        response.close();
                        forgetIfClosing(response);
                        if (followed == FollowUp.MAX) {
                            return failed(OptionalInt.of(response.code()), Failure.of(FailureReason.PROTOCOL, "more than " + FollowUp.MAX
                                    + " redirects, the last to " + FollowUp.shown(f.request().url())), phases);
                        }
                        next = f.request();
                    }
                    case FollowUp.Refuse r -> {
                        discard(sent, phases);
                        return failed(OptionalInt.of(response.code()), r.failure(), phases);
                    }
                    case FollowUp.Stop ignored -> {
                        return answer(sent, phases, start, timeout, maxBody, stream);
                    }
                }
            }
        }
    }

    /** The last answer of a step: its body read, the connection given back or dropped. */
    private Exchange answer(Sent sent, PhaseRecorder phases, long start, Duration timeout, DataSize maxBody, Optional<StreamSpec> stream) {
        Response response = sent.response();
        BodyRead read = stream.isPresent()
                ? readStream(response.body(), stream.get(), phases, start, timeout)
                : readCapped(response.body(), maxBody, phases, start, timeout);
        // a body not read to its end is dropped with its connection at once, not drained for OkHttp's 100 ms
        if (!read.toTheEnd()) sent.call().cancel();
        PhaseTimings timings = phases.timings();
        ObservedResponse observed = new ObservedResponse(response.code(), response.request().url().toString(),
                response.headers().toMultimap(), read.bytes(), timings.total(), cookiesOf(response));
        OptionalDouble rate = stream.isPresent() ? OptionalDouble.of(rate(read.total(), timings)) : OptionalDouble.empty();
        Exchange exchange = new Exchange(OptionalInt.of(response.code()), Optional.of(observed), read.failure(), timings,
                timings.total(), read.total(), rate, expiry(response.handshake()));
        response.close();
        forgetIfClosing(response);
        return exchange;
    }

    private record Sent(Call call, Response response) {}

    /** One request of a step; again on a new connection when a pooled one turns out to be closed. */
    private Sent send(Request request, PhaseRecorder phases, long deadline) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new InterruptedIOException("timeout");
            // the recorder rides on the request (see HttpClients' listener factory): no client is built per step
            Call call = connections.client(request.url()).newCall(request.newBuilder().tag(PhaseRecorder.class, phases).build());
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try {
                return new Sent(call, call.execute());
            } catch (IOException e) {
                if (!stale(e, phases) || attempt == HttpClients.MAX_IDLE_CONNECTIONS) throw e;
                phases.failedNow(); // the moment the dead connection took is counted where it was spent
            }
        }
    }

    /**
     * A pooled connection the server had already closed (a keep-alive timeout, an HTTP/1.0 server): it broke before
     * any answer came. Each such connection is dropped, so a pool holds at most {@link HttpClients#MAX_IDLE_CONNECTIONS}.
     */
    private static boolean stale(IOException e, PhaseRecorder phases) {
        return phases.reusedConnection()
                && (phases.stage() == PhaseRecorder.Stage.REQUEST || phases.stage() == PhaseRecorder.Stage.WAITING)
                && !(e instanceof InterruptedIOException) && !(e instanceof ProtocolException);
    }

    /** Reads a redirect's body, which nobody sees, for a little; a longer one is dropped with its connection. */
    private static void discard(Sent sent, PhaseRecorder phases) {
        try {
            BufferedSource source = sent.response().body().source();
            if (!source.request(REDIRECT_BODY_KEPT + 1)) {
                source.skip(source.getBuffer().size());
                phases.bodyRead();
                return;
            }
        } catch (IOException e) {
            // the connection broke after the redirect's headers: it is not reused, and the redirect still goes
        }
        phases.bodyRead();
        sent.call().cancel();
    }

    private Failure failure(IOException e, PhaseRecorder.Stage stage, boolean timedOut, Duration timeout) {
        // OkHttp stops reading headers past 256 KiB and reports it as a stream that ended
        if (stage == PhaseRecorder.Stage.WAITING && !timedOut && FirstByteClock.current().receivedSinceWrite() > HEADER_LIMIT) {
            return Failure.of(FailureReason.PROTOCOL, "the response headers are larger than " + DataSize.ofBytes(HEADER_LIMIT)
                    + ", the most uxprobe reads (as browsers do): stopped reading them");
        }
        return TransportErrors.classify(e, stage, timedOut, timeout, proxy);
    }

    private static Exchange failed(OptionalInt status, Failure failure, PhaseRecorder phases) {
        PhaseTimings timings = phases.timings();
        return new Exchange(status, Optional.empty(), Optional.of(failure), timings, timings.total(), 0, OptionalDouble.empty(), Optional.empty());
    }

    /**
     * An HTTP/1.0 server closes the connection after its answer unless it said keep-alive; OkHttp would pool it all
     * the same. The run's own pool lets it go at once; in a shared pool {@link #send} meets it closed and reconnects.
     */
    private void forgetIfClosing(Response response) {
        boolean keepAlive = response.protocol() != Protocol.HTTP_1_0
                || "keep-alive".equalsIgnoreCase(response.header("Connection", ""));
        if (!keepAlive) connections.forgetIdle();
    }

    /** The proxy, not the site, answered: the site was never reached. */
    private Failure proxyRefused() {
        ProxyServer p = proxy.orElseThrow();
        return Failure.of(FailureReason.CONNECT, p.credentials().isPresent()
                ? "proxy " + p + " refused the password (407 Proxy Authentication Required)"
                : "proxy " + p + " wants a password (407 Proxy Authentication Required): give it in the region's proxy URL as user:password@");
    }

    /** @param toTheEnd the body was read to its end, so its connection may serve another request */
    private record BodyRead(byte[] bytes, long total, Optional<Failure> failure, boolean toTheEnd) {}

    private static BodyRead readCapped(ResponseBody body, DataSize max, PhaseRecorder phases, long start, Duration timeout) {
        long declared = body.contentLength();
        if (declared > max.bytes()) {
            phases.bodyRead();
            return new BodyRead(new byte[0], 0, Optional.of(tooLarge(max, "Content-Length: " + DataSize.ofBytes(declared))), false);
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
                    return new BodyRead(new byte[0], total, Optional.of(tooLarge(max, "stopped reading there")), false);
                }
                chunk.copyTo(out, 0, n);
                chunk.clear();
            }
            phases.bodyRead();
            return new BodyRead(out.toByteArray(), total, Optional.empty(), true);
        } catch (IOException e) {
            phases.failedNow();
            return new BodyRead(out.toByteArray(), total,
                    Optional.of(TransportErrors.classify(e, PhaseRecorder.Stage.BODY, timedOut(start, timeout), timeout)), false);
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
            long n = 0;
            while (total < limit && System.nanoTime() < until
                    && (n = source.read(chunk, Math.min(16384, limit - total))) != -1) {
                total += n;
                long keep = Math.min(n, STREAM_KEEP - kept.size());
                if (keep > 0) chunk.copyTo(kept, 0, keep);
                chunk.clear();
            }
            phases.bodyRead();
            return new BodyRead(kept.toByteArray(), total, Optional.empty(), n == -1);
        } catch (IOException e) {
            phases.failedNow();
            boolean deadline = timedOut(start, timeout);
            if (e instanceof InterruptedIOException && !deadline) {
                return new BodyRead(kept.toByteArray(), total, Optional.of(Failure.of(FailureReason.STREAM_STALL,
                        "stream stalled: no byte for " + io.uxprobe.probes.spec.Durations.format(spec.stallAfter())
                                + " after " + DataSize.ofBytes(total))), false);
            }
            return new BodyRead(kept.toByteArray(), total,
                    Optional.of(TransportErrors.classify(e, PhaseRecorder.Stage.BODY, deadline, timeout)), false);
        }
    }

    private static Failure tooLarge(DataSize max, String seen) {
        return Failure.of(FailureReason.BODY_TOO_LARGE, "body is larger than maxBodySize " + max + " (" + seen + ")");
    }

    private static boolean timedOut(long start, Duration timeout) {
        // callTimeout fires on a watchdog thread; allow a little scheduling slack
        return System.nanoTime() - start >= timeout.toNanos() - TimeUnit.MILLISECONDS.toNanos(20);
    }

    private static double rate(long bytes, PhaseTimings phases) {
        double seconds = Math.max(phases.get(io.uxprobe.probes.journey.Phase.TRANSFER).toNanos(), 1_000_000) / 1e9;
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
        if (closed) return;
        closed = true;
        // a run's own connections end with it, so no socket outlives the run
        connections.endRun();
        done.run();
    }
}
