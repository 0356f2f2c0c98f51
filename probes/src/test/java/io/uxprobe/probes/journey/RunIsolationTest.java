package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of one journey share their pool and clients (made once, handed from run to run), never what a run left in
 * them: each run starts with no connection and no cookie, as a new user would.
 */
class RunIsolationTest {

    @Test
    void eachRunStartsWithNoConnectionAndNoCookieOfTheRunBefore() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try (HttpClients clients = new HttpClients()) {
            wm.stubFor(get("/login").willReturn(aResponse().withHeader("Set-Cookie", "session=s-1; Path=/").withBody("in")));
            wm.stubFor(get("/home").willReturn(aResponse().withBody("home")));
            String base = "http://127.0.0.1:" + wm.port();
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("signed-in", step("login", base + "/login").build(), step("home", base + "/home").build());

            for (int run = 0; run < 3; run++) {
                JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
                assertThat(r.passed()).as(r.toString()).isTrue();
                assertThat(r.steps().getFirst().phases().get(Phase.CONNECT)).as("run %d connects anew", run).isPositive();
                assertThat(r.steps().get(1).phases().get(Phase.CONNECT)).as("within a run the connection is kept").isZero();
            }
            List<ServeEvent> served = wm.getAllServeEvents().stream()
                    .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
            assertThat(served).hasSize(6);
            for (ServeEvent e : served) {
                boolean login = e.getRequest().getUrl().equals("/login");
                assertThat(e.getRequest().containsHeader("Cookie")).as("%s carries a cookie", e.getRequest().getUrl()).isEqualTo(!login);
            }
        } finally {
            wm.stop();
        }
    }
}
