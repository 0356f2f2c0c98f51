import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.schedule.Probe;
import io.uxprobe.agent.schedule.Scheduler;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Scale and scheduling lag of the agent's own scheduler and runner, in one JVM on this machine:
 * N journeys (from FILE, all alike) at INTERVAL, each run a real HTTP journey recorded into the agent's metrics.
 * The random source is ours, so every run's planned start is known: first runs evenly spread, no jitter.
 * Lag = when a run started minus when it was planned.
 *
 * java -cp agent/target/uxprobe.jar bench/ScaleLag.java FILE N INTERVAL_MS WARMUP_S MEASURE_S MAX_CONCURRENCY
 */
public final class ScaleLag {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long intervalNs = Duration.ofMillis(Long.parseLong(args[2])).toNanos();
        long warmup = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        long measure = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        int concurrency = Integer.parseInt(args[5]);

        java.security.Security.setProperty("networkaddress.cache.ttl", "0");
        JourneyFile jf = JourneyFiles.load(List.of(file), Map.of(), Environment.of(Map.of())).getFirst();
        Journey journey = jf.journeys().getFirst();
        HttpClients clients = new HttpClients();
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(jf.errorSignatures()), Clock.systemUTC());
        JourneyMetrics metrics = new JourneyMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics.register(journey, "bench", JourneyFiles.signatureIds(jf));

        // probe i has interval INTERVAL + i ns, so the scheduler's call nextLong(interval) names the probe
        Map<Long, Integer> byInterval = new ConcurrentHashMap<>();
        long[] firstPlanned = new long[n];
        for (int i = 0; i < n; i++) byInterval.put(intervalNs + i, i);
        RandomGenerator plan = new RandomGenerator() {
            @Override public long nextLong() { return 0; }
            @Override public long nextLong(long bound) {
                int i = byInterval.get(bound);
                long offset = intervalNs * i / n;
                firstPlanned[i] = System.nanoTime() + offset;
                return offset;
            }
            @Override public long nextLong(long origin, long bound) { return 0; } // no jitter
        };

        long t0 = System.nanoTime();
        long from = t0 + warmup, until = from + measure;
        List<long[]> lags = new ArrayList<>();
        AtomicLong runs = new AtomicLong(), failures = new AtomicLong();
        long[] lagBuf = new long[(int) Math.min(50_000_000L, (measure / intervalNs + 2) * n)];
        AtomicLong lagCount = new AtomicLong();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int idx = i;
            final long interval = intervalNs + i;
            probes.add(new Probe() {
                public String key() { return "j" + idx; }
                public Duration interval() { return Duration.ofNanos(interval); }
                public void run() {
                    long now = System.nanoTime();
                    long k = Math.max(0, Math.round((double) (now - firstPlanned[idx]) / interval));
                    long planned = firstPlanned[idx] + k * interval;
                    var result = runner.run(journey, jf.vars(), jf.redactor());
                    metrics.record("bench", result);
                    if (now >= from && now < until) {
                        runs.incrementAndGet();
                        if (!result.passed()) failures.incrementAndGet();
                        long at = lagCount.getAndIncrement();
                        if (at < lagBuf.length) lagBuf[(int) at] = Math.max(0, now - planned);
                    }
                }
            });
        }
        Scheduler scheduler = new Scheduler(concurrency, plan, (p, e) -> e.printStackTrace());
        scheduler.replace(probes);
        Thread.sleep(Duration.ofNanos(until - System.nanoTime() + 50_000_000L));
        scheduler.shutdown(Duration.ofSeconds(2));
        int count = (int) Math.min(lagCount.get(), lagBuf.length);
        long[] l = Arrays.copyOf(lagBuf, count);
        Arrays.sort(l);
        double minutes = measure / 60e9;
        System.out.printf("runs_per_min=%.0f failures=%d lag_p50_ms=%.2f lag_p99_ms=%.2f lag_max_ms=%.2f planned_per_min=%.0f%n",
                runs.get() / minutes, failures.get(), q(l, 0.5), q(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6, n * 60e9 / intervalNs);
        clients.close();
        System.exit(0);
    }

    private static double q(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
