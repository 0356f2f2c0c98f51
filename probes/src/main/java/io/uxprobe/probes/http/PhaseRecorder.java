package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times the phases of one step's call from OkHttp's events, on a {@code nanoTime} base.
 *
 * <pre>
 * callStart
 *   dnsStart ─ dnsEnd                                        dns       (skipped on a pooled connection)
 *   connectStart ─ secureConnectStart                         connect   (to connectEnd for plain HTTP)
 *                  secureConnectStart ─ secureConnectEnd      tls       (HTTPS only)
 *   connectEnd
 *   requestHeadersStart ─ last request byte to the socket     request   (see FirstByteClock)
 *   last request byte ─ first answer byte off the socket      ttfb      (the server's time)
 *   first answer byte ─ last body byte read                   transfer  (ended by {@link #bodyRead})
 * callEnd | callFailed
 * </pre>
 *
 * A redirect repeats the sequence from dnsStart (or requestHeadersStart when the connection is pooled);
 * repeated phases add up. {@link #stage()} tells where a failed call was, so failures get the right reason.
 * One instance per call; a synchronous call delivers its events on the calling thread.
 */
public final class PhaseRecorder extends EventListener {

    /** Where a call is; used to say what a failure interrupted. */
    public enum Stage {
        STARTING("before connecting"),
        DNS("resolving the host name"),
        CONNECT("connecting"),
        TLS("in the TLS handshake"),
        REQUEST("sending the request"),
        WAITING("waiting for the response headers"),
        BODY("reading the body"),
        DONE("after the response");

        private final String words;

        Stage(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private long callStart;
    private long dnsStart;
    private long connectStart;
    private long secureStart;
    private long requestStart;
    private long requestEnd;
    private long headersEnd;
    private long end;
    private Stage stage = Stage.STARTING;
    private boolean secure;

    public Stage stage() {
        return stage;
    }

    /** Nanos from call start to the last byte read (or to now, if the call is still on). */
    public Duration elapsed() {
        return Duration.ofNanos((end != 0 ? end : System.nanoTime()) - callStart);
    }

    public PhaseTimings timings() {
        Map<Phase, Duration> out = new EnumMap<>(Phase.class);
        nanos.forEach((p, n) -> out.put(p, Duration.ofNanos(n)));
        return new PhaseTimings(out);
    }

    /** The caller has read the last body byte it wants (or gave up): transfer ends here. */
    public void bodyRead() {
        long now = System.nanoTime();
        if (headersEnd != 0) add(Phase.TRANSFER, headersEnd, now);
        headersEnd = 0;
        end = now;
        stage = Stage.DONE;
    }

    /** The call ended without a body being read: whatever phase was open is closed now. */
    public void failedNow() {
        long now = System.nanoTime();
        switch (stage) {
            case DNS -> add(Phase.DNS, dnsStart, now);
            case CONNECT -> add(Phase.CONNECT, connectStart, now);
            case TLS -> add(Phase.TLS, secureStart, now);
            case REQUEST -> add(Phase.REQUEST, requestStart, now);
            case WAITING -> add(Phase.TTFB, requestEnd, now);
            case BODY -> add(Phase.TRANSFER, headersEnd, now);
            case STARTING, DONE -> { }
        }
        end = now;
    }

    private void add(Phase phase, long from, long to) {
        if (from != 0 && to >= from) nanos.merge(phase, to - from, Long::sum);
    }

    @Override
    public void callStart(Call call) {
        callStart = System.nanoTime();
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = System.nanoTime();
        stage = Stage.DNS;
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        add(Phase.DNS, dnsStart, System.nanoTime());
        stage = Stage.CONNECT;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        connectStart = System.nanoTime();
        secure = false;
        stage = Stage.CONNECT;
    }

    @Override
    public void secureConnectStart(Call call) {
        secureStart = System.nanoTime();
        add(Phase.CONNECT, connectStart, secureStart);
        secure = true;
        stage = Stage.TLS;
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        add(Phase.TLS, secureStart, System.nanoTime());
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        if (!secure) add(Phase.CONNECT, connectStart, System.nanoTime());
        stage = Stage.REQUEST;
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException ioe) {
        long now = System.nanoTime();
        if (secure) add(Phase.TLS, secureStart, now);
        else add(Phase.CONNECT, connectStart, now);
        // stage stays CONNECT or TLS: that is what failed
        stage = secure ? Stage.TLS : Stage.CONNECT;
        secure = false;
        connectStart = 0;
        secureStart = 0;
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestStart = System.nanoTime();
        stage = Stage.REQUEST;
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestEnd = System.nanoTime();
        stage = Stage.WAITING;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        requestEnd = System.nanoTime();
        stage = Stage.WAITING;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        // the server's time runs from the request's last byte handed to the socket to the answer's first byte off
        // it; OkHttp's own events (headers buffered, headers parsed) are the fallback when the socket cannot tell
        FirstByteClock clock = FirstByteClock.current();
        boolean overTls = response.handshake() != null;
        long sent = clock.sentAfter(requestEnd, overTls);
        if (sent != 0) requestEnd = sent;
        long firstByte = clock.firstByteAfter(requestEnd, overTls);
        headersEnd = firstByte != 0 ? firstByte : System.nanoTime();
        add(Phase.REQUEST, requestStart, requestEnd);
        add(Phase.TTFB, requestEnd, headersEnd);
        requestStart = 0;
        requestEnd = 0;
        stage = Stage.BODY;
    }

    @Override
    public void followUpDecision(Call call, Response networkResponse, Request nextRequest) {
        // a redirect: its body is discarded by OkHttp; count the time as transfer and start over
        if (nextRequest != null && headersEnd != 0) {
            add(Phase.TRANSFER, headersEnd, System.nanoTime());
            headersEnd = 0;
            stage = Stage.STARTING;
        }
    }
}
