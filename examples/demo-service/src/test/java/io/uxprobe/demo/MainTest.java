package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultsAreThreeRegionsOnLoopbackFrom8080() throws Exception {
        Flags f = Flags.parse();
        assertThat(f.regionPorts()).containsExactly(Map.entry("eu-west", 8080), Map.entry("us-east", 8081), Map.entry("ap-south", 8082));
        assertThat(f.options().bind()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(f.options().slowDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(f.outages()).isEmpty();
    }

    @Test
    void flagsTakeSpaceOrEqualsAndOutagesRepeat() throws Exception {
        Flags f = Flags.parse("--regions", "eu-west=0,us-east=9001", "--bind=0.0.0.0", "--outage", "eu-west=soft_html",
                "--outage=us-east=STALL", "--slow-delay", "500ms");
        assertThat(f.regionPorts()).containsExactly(Map.entry("eu-west", 0), Map.entry("us-east", 9001));
        assertThat(f.options().bind().isAnyLocalAddress()).isTrue();
        assertThat(f.outages()).containsExactly(Map.entry("eu-west", Outage.SOFT_HTML), Map.entry("us-east", Outage.STALL));
        assertThat(f.options().slowDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badFlagsSayWhatToFix() {
        assertThatThrownBy(() -> Flags.parse("--outage", "mars=slow")).hasMessage("--outage mars=…: no such region; the regions are eu-west, us-east, ap-south");
        assertThatThrownBy(() -> Flags.parse("--outage", "eu-west=meltdown"))
                .hasMessageStartingWith("--outage eu-west=meltdown: unknown outage mode 'meltdown': use one of none, soft_html");
        assertThatThrownBy(() -> Flags.parse("--regions", "eu-west=http")).hasMessage("--regions eu-west=http: the port must be a number from 0 to 65535");
        assertThatThrownBy(() -> Flags.parse("--regions", "eu-west")).hasMessage("--regions eu-west: expected NAME=VALUE, such as eu-west=8080");
        assertThatThrownBy(() -> Flags.parse("--slow-delay", "soon")).hasMessage("--slow-delay soon: expected a duration such as 3s or 500ms");
        assertThatThrownBy(() -> Flags.parse("--port", "1")).hasMessage("unknown option '--port'");
        assertThatThrownBy(() -> Flags.parse("--bind")).hasMessage("--bind needs a value");
    }

    @Test
    void usageErrorsExit2AndHelpExits0() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), new CountDownLatch(0), "--nope")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("unknown option '--nope'", "Try --help.");
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), new CountDownLatch(0), "--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("--regions REGION=PORT,...", "(default eu-west=8080,us-east=8081,ap-south=8082)");
    }

    @Test
    void runStartsTheRegionsBrokenAsAskedAndStopsWhenToldTo() throws Exception {
        StringWriter out = new StringWriter();
        CountDownLatch stop = new CountDownLatch(1);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int p = port;
        Thread main = Thread.ofVirtual().start(() -> Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), stop,
                "--regions", "eu-west=" + p, "--outage", "eu-west=gateway_503"));
        String base = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!out.toString().contains("outage: gateway_503") && System.nanoTime() < until) Thread.sleep(20);

        assertThat(out.toString()).contains("eu-west    " + base + "   outage: gateway_503");
        assertThat(Http.get(base + "/api/search?q=jazz").code()).isEqualTo(503);
        assertThat(Http.get(base + "/healthz").code()).isEqualTo(200);
        stop.countDown();
        main.join(5000);
        assertThat(main.isAlive()).isFalse();
    }

    @Test
    void aPortInUseIsReportedWithTheRegion() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), new CountDownLatch(0),
                    "--regions", "eu-west=0,us-east=" + taken.getLocalPort());
            assertThat(code).isEqualTo(Main.FAILED);
            assertThat(err.toString()).contains("region us-east: cannot listen on 127.0.0.1:" + taken.getLocalPort(), "pick another port");
        }
    }
}
