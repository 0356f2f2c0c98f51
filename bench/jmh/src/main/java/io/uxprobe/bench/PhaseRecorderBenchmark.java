package io.uxprobe.bench;

import io.uxprobe.probes.http.PhaseRecorder;
import io.uxprobe.probes.journey.PhaseTimings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.CipherSuite;
import okhttp3.Handshake;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PhaseRecorder}, the OkHttp {@code EventListener} every step's call gets: one call's events in the order
 * OkHttp delivers them, then {@code bodyRead()} and {@code timings()} as {@code Session} calls them. The arguments are
 * OkHttp's own types; the {@code Call} is made by a client but never executed. Every event reads
 * {@code System.nanoTime()}, so these figures are mostly the clock's cost on this machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class PhaseRecorderBenchmark {

    private Call call;
    private Request request;
    private Response response;
    private Handshake handshake;
    private String host;
    private List<InetAddress> addresses;
    private InetSocketAddress address;
    private Proxy proxy;

    @Setup
    public void setUp() throws UnknownHostException {
        host = "tunes.example";
        request = new Request.Builder().url("https://" + host + "/api/me").build();
        call = new OkHttpClient().newCall(request); // never executed: nothing is sent
        response = new Response.Builder().request(request).protocol(Protocol.HTTP_2).code(200).message("OK").build();
        handshake = Handshake.get(TlsVersion.TLS_1_3, CipherSuite.TLS_AES_128_GCM_SHA256, List.of(), List.of());
        InetAddress ip = InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1});
        addresses = List.of(ip);
        address = new InetSocketAddress(ip, 443);
        proxy = Proxy.NO_PROXY;
    }

    /** A fresh HTTPS connection, the default (a new pool per run): dns, connect, tls, request, ttfb, transfer. */
    @Benchmark
    public PhaseTimings freshHttpsConnection() {
        PhaseRecorder r = new PhaseRecorder();
        r.callStart(call);
        r.proxySelectStart(call, request.url());
        r.proxySelectEnd(call, request.url(), List.of(proxy));
        r.dnsStart(call, host);
        r.dnsEnd(call, host, addresses);
        r.connectStart(call, address, proxy);
        r.secureConnectStart(call);
        r.secureConnectEnd(call, handshake);
        r.connectEnd(call, address, proxy, Protocol.HTTP_2);
        return exchange(r);
    }

    /** A pooled connection ({@code reuseConnections: true}, or a later step of a run): request, ttfb, transfer only. */
    @Benchmark
    public PhaseTimings pooledConnection() {
        PhaseRecorder r = new PhaseRecorder();
        r.callStart(call);
        return exchange(r);
    }

    /** What every call does once connected: send the request, read the answer, end. */
    private PhaseTimings exchange(PhaseRecorder r) {
        r.requestHeadersStart(call);
        r.requestHeadersEnd(call, request);
        r.responseHeadersStart(call);
        r.responseHeadersEnd(call, response);
        r.responseBodyStart(call);
        r.responseBodyEnd(call, 1024);
        r.bodyRead();
        r.callEnd(call);
        return r.timings();
    }
}
