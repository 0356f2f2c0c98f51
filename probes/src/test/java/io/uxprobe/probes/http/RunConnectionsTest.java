package io.uxprobe.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.Tls;
import io.uxprobe.probes.testing.RawServer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RunConnectionsTest {

    @Test
    void aConnectionStillInUseWhenItsRunEndsKeepsThePoolFromTheNextRun() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawServer server = new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            done.await(5, TimeUnit.SECONDS); // kept alive while the test looks
        })) {
            RunConnections.Clients clients = new RunConnections.Clients(new OkHttpClient(), new Tls(Optional.empty(), false), Egress.DIRECT);
            RunConnections connections = new RunConnections(clients, new ConnectionPool(4, 1, TimeUnit.MINUTES), true);
            HttpUrl url = HttpUrl.get(server.url("/"));
            assertThat(connections.clean()).isTrue();
            try (Response held = connections.client(url).newCall(new Request.Builder().url(url).build()).execute()) {
                assertThat(held.code()).isEqualTo(200);
                connections.endRun();
                assertThat(connections.clean()).as("the body is not let go: its connection is still the pool's").isFalse();
                assertThat(held.body().string()).isEqualTo("ok");
            } finally {
                done.countDown();
            }
            assertThat(connections.clean()).as("let go after the run: an idle connection the next run would take").isFalse();
        }
    }

    @Test
    void aLiteralAddressIsNotAName() {
        assertThat(RunConnections.isAddress("127.0.0.1")).isTrue();
        assertThat(RunConnections.isAddress("::1")).isTrue();
        assertThat(RunConnections.isAddress("10.0.0.255")).isTrue();
        assertThat(RunConnections.isAddress("localhost")).isFalse();
        assertThat(RunConnections.isAddress("1.2.3.4.example")).isFalse();
        assertThat(RunConnections.isAddress("1.2.3")).isFalse();
        assertThat(RunConnections.isAddress("1234.1.1.1")).isFalse();
        assertThat(RunConnections.isAddress("1..2.3")).isFalse();
    }
}
