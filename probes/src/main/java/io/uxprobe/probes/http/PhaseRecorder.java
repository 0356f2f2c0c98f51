package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times the phases of one step from OkHttp's events, on a {@code nanoTime} base. The phases are contiguous: each
 * runs from the end of the one before (the first from {@link #begin}) to its own end, so they add up to the step.
 *
 * <pre>
 * begin
 *   callStart
 *   … dnsEnd                                               dns       (skipped on a pooled connection or an IP address)
 *   … connectEnd, or secureConnectStart                    connect
 *   … secureConnectEnd                                     tls       (HTTPS only)
 *   … the request's last byte to the socket                request   (see FirstByteClock)
 *   … the answer's first byte off the socket               ttfb      (the server's time)
 *   … the last body byte read ({@link #bodyRead})          transfer
 *   callEnd | callFailed
 * </pre>
 *
 * Like curl's timings, each phase takes what came before its own event since the last: the time before a
 * name is resolved (picking a proxy, say) is {@code dns}, before a pooled connection's request is written is
 * {@code request}. A redirect, or a request sent again because a pooled connection had gone stale, is another
 * call on the same recorder: its phases add to the step's. {@link #stage()} tells where a failed call was, so
 * failures get the right reason. One instance per step; a synchronous call delivers its events on the calling thread.
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
    /** When the phase under way began: the end of the one before. */
    private long mark;
    private long requestEnd;
    private Stage stage = Stage.STARTING;
    private boolean secure;
    private boolean connectedThisCall;
    private boolean reusedConnection;

    /** The step starts now: the first phase counts from here. */
    public void begin(long nanoTime) {
        mark = nanoTime;
        stage = Stage.STARTING;
    }

    public Stage stage() {
        return stage;
    }

    /** The current call was sent on a connection an earlier request had used (it may have gone stale meanwhile). */
    public boolean reusedConnection() {
        return reusedConnection;
    }

    public PhaseTimings timings() {
        Map<Phase, java.time.Duration> out = new EnumMap<>(Phase.class);
        nanos.forEach((p, n) -> out.put(p, java.time.Duration.ofNanos(n)));
        return new PhaseTimings(out);
    }

    /** The caller has read the last body byte it wants (or gave up): transfer ends here. */
    public void bodyRead() {
        close(Phase.TRANSFER, System.nanoTime());
        stage = Stage.DONE;
    }

    /** The call ended without a body being read: whatever phase was open is closed now. */
    public void failedNow() {
        close(phaseOf(stage), System.nanoTime());
    }

    private static Phase phaseOf(Stage stage) {
        return switch (stage) {
            case STARTING, DNS -> Phase.DNS;
            case CONNECT -> Phase.CONNECT;
            case TLS -> Phase.TLS;
            case REQUEST -> Phase.REQUEST;
            case WAITING -> Phase.TTFB;
            case BODY, DONE -> Phase.TRANSFER;
        };
    }

    /** {@code phase} ran from the mark to {@code at}; the next phase starts there. */
    private void close(Phase phase, long at) {
        if (at <= mark) return;
        nanos.merge(phase, at - mark, Long::sum);
        mark = at;
    }

    @Override
    public void callStart(Call call) {
        connectedThisCall = false;
        reusedConnection = false;
        secure = false;
        stage = Stage.STARTING;
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        stage = Stage.DNS;
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        close(Phase.DNS, System.nanoTime());
        stage = Stage.CONNECT;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        connectedThisCall = true;
        secure = false;
        stage = Stage.CONNECT;
    }

    @Override
    public void secureConnectStart(Call call) {
        close(Phase.CONNECT, System.nanoTime());
        secure = true;
        stage = Stage.TLS;
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        close(Phase.TLS, System.nanoTime());
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        close(secure ? Phase.TLS : Phase.CONNECT, System.nanoTime());
        stage = Stage.REQUEST;
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException ioe) {
        close(secure ? Phase.TLS : Phase.CONNECT, System.nanoTime());
        // stage stays CONNECT or TLS: that is what failed
        stage = secure ? Stage.TLS : Stage.CONNECT;
        secure = false;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        reusedConnection = !connectedThisCall;
        stage = Stage.REQUEST;
    }

    @Override
    public void requestHeadersStart(Call call) {
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
        long requestSent = sent != 0 ? sent : requestEnd;
        long firstByte = clock.firstByteAfter(requestSent, overTls);
        close(Phase.REQUEST, requestSent);
        close(Phase.TTFB, firstByte != 0 ? firstByte : System.nanoTime());
        requestEnd = 0;
        stage = Stage.BODY;
    }

    @Override
    public void followUpDecision(Call call, Response networkResponse, Request nextRequest) {
        // OkHttp answers a proxy's 407 itself, dropping the body: that time is transfer, then the call goes on
        if (nextRequest != null && stage == Stage.BODY) {
            close(Phase.TRANSFER, System.nanoTime());
            stage = Stage.STARTING;
        }
    }
}
