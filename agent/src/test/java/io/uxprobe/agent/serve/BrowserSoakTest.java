package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.testing.Exposition;
import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.browser.testing.TestPages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 runs of browser journeys in {@code serve}: the browser's processes, the agent's threads and its open files stay
 * flat (Uptime Kuma's browser monitor left a Chromium per failed run behind; k6 browser's memory grew).
 */
class BrowserSoakTest {

    /** 4 journeys at 3 s: 1.3 pages a second, within what 2 pages serve even on a busy 2-core machine. */
    private static final int JOURNEYS = 4;
    private static final int RUNS = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredRunsLeaveProcessesThreadsAndFilesFlat() throws Exception {
        SharedChromium.require();
        try (TestPages pages = new TestPages()) {
            pages.page("/app", """
                    <!doctype html><title>app</title><button id="more">More</button><ul id="list"></ul>
                    <script>document.getElementById('more').onclick = async () => {
                      const r = await fetch('/api/items'); const items = await r.json();
                      document.getElementById('list').innerHTML = items.map(i => '<li>' + i + '</li>').join('');
                    };</script>""").json("/api/items", 200, "[\"one\",\"two\"]");
            StringBuilder yaml = new StringBuilder("defaults: { interval: 3s, timeout: 3s, stepTimeout: 3s }\njourneys:\n");
            for (int i = 0; i < JOURNEYS; i++) {
                yaml.append("  - name: app").append(i).append("\n    steps:\n      - name: more\n        browser:\n          open: \"")
                        .append(pages.url("/app")).append("\"\n          actions:\n            - click: \"#more\"\n            - waitFor: { text: two }\n");
            }
            Path file = Files.writeString(dir.resolve("soak.yaml"), yaml);
            try (AgentFixture agent = AgentFixture.start(file, "soak", Map.of())) {
                agent.awaitScrape(Duration.ofSeconds(90), e -> runs(e) >= 30);
                Footprint before = footprint(agent, 30);
                agent.awaitScrape(Duration.ofSeconds(300), e -> runs(e) >= RUNS - 30);
                Footprint after = footprint(agent, 30);
                Exposition end = agent.scrape();

                assertThat(after.processes()).as("Chromium processes, runs 30-60 vs the last 30: %s vs %s", before, after)
                        .isLessThanOrEqualTo(before.processes() + 1);
                assertThat(after.threads()).as("agent threads").isLessThanOrEqualTo(before.threads() + 3);
                assertThat(after.files()).as("agent file descriptors").isLessThanOrEqualTo(before.files() + 8);
                // one browser: chromedriver, Chromium's ~10 helpers (zygotes, GPU, network, storage…) and a renderer per open page
                assertThat(agent.agent.browser().processes().size()).as("one browser's processes").isLessThan(32);
                double failed = end.samples("uxprobe_journey_runs_total", "result", "failure").stream().mapToDouble(Exposition.Sample::value).sum();
                // failed runs (timeouts on a machine busy with other work) exercise the clean-up paths too; some must pass
                assertThat(failed).as("failed runs of " + runs(end) + "; log:\n" + agent.log).isLessThanOrEqualTo(runs(end) * 9 / 10);
                assertThat(agent.agent.browser().processes()).as("the browser was never restarted: no crash, no hang")
                        .contains(ProcessHandle.of(before.driver()).orElseThrow());
            }
        }
    }

    private static double runs(Exposition e) {
        return e.samples("uxprobe_journey_runs_total").stream().mapToDouble(Exposition.Sample::value).sum();
    }

    /** The largest of each, sampled while {@code count} more runs go by. */
    private record Footprint(int processes, int threads, long files, long driver) {}

    private static Footprint footprint(AgentFixture agent, int count) throws Exception {
        double until = runs(agent.scrape()) + count;
        int processes = 0;
        int threads = 0;
        long files = 0;
        long driver = agent.agent.browser().processes().stream().findFirst().map(ProcessHandle::pid).orElse(-1L);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (runs(agent.scrape()) < until && System.nanoTime() < end) {
            processes = Math.max(processes, agent.agent.browser().processes().size());
            threads = Math.max(threads, ManagementFactory.getThreadMXBean().getThreadCount());
            files = Math.max(files, openFiles());
            Thread.sleep(100);
        }
        return new Footprint(processes, threads, files, driver);
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
