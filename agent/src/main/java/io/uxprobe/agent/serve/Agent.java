package io.uxprobe.agent.serve;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.uxprobe.agent.Version;
import io.uxprobe.agent.browser.AgentBrowser;
import io.uxprobe.agent.browser.ArtifactStore;
import io.uxprobe.agent.browser.BrowserEnvironment;
import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.metrics.AgentMetrics;
import io.uxprobe.agent.metrics.JourneyMetrics;
import io.uxprobe.agent.otlp.Otlp;
import io.uxprobe.agent.otlp.SpanExport;
import io.uxprobe.agent.schedule.Scheduler;
import io.uxprobe.agent.schedule.Watchdog;
import io.uxprobe.agent.status.Notifier;
import io.uxprobe.agent.status.NotifySettings;
import io.uxprobe.agent.status.StatusApi;
import io.uxprobe.agent.status.StatusBoard;
import io.uxprobe.agent.status.StatusPage;
import io.uxprobe.agent.status.StatusUrl;
import io.uxprobe.agent.web.WebConfig;
import io.uxprobe.agent.web.WebConfigException;
import io.uxprobe.agent.web.WebConfigLoader;
import io.uxprobe.agent.web.WebServer;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.WarmUp;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The always-on agent: journeys on a schedule, their results as Prometheus metrics on {@code /metrics}, reloads
 * that never lose the running journeys. Built by {@code uxprobe serve}; tests start it in-process.
 */
public final class Agent implements AutoCloseable {

    /** What a reload came to. */
    public sealed interface Reload {
        record Applied(String summary) implements Reload {}

        record Refused(String error) implements Reload {}
    }

    private final ServeConfig config;
    private final Environment env;
    private final RunLog log;
    private final String region;
    private final AgentMetrics agentMetrics;
    private final JourneyMetrics journeyMetrics;
    private final HttpClients clients = new HttpClients();
    private final AgentBrowser browser;
    private final ArtifactStore artifacts;
    private final Scheduler scheduler;
    private final Watchdog watchdog = new Watchdog();
    /** Collects the heap back to what the journeys need (with the serial collector the launcher and image choose). */
    private final Optional<HeapKeeper> heap = HeapKeeper.start(0);
    private final SpanExport spans;
    private static final Duration SPANS_CLOSE = Duration.ofSeconds(5);
    private final StatusBoard board = new StatusBoard();
    private final WebServer server;
    private final Notifier notifier;
    private final ConfigWatcher watcher;
    /** Every probe now scheduled, by key, to retire those a reload drops. */
    private Map<String, JourneyProbe> probes = Map.of();
    private String summary = "starting";
    private final AtomicLong reloadsStarted = new AtomicLong();
    /** The latest reload that applied or refused files, and what it came to (guarded by this). */
    private long lastDecided;
    private Reload lastReload = new Reload.Applied("starting");

    private Agent(ServeConfig config, Environment env, RunLog log, List<JourneyFile> files, Map<String, NotifySettings> notify, WebConfig web)
            throws IOException {
        // before the endpoints answer: the JVM's start-up is not the first run's, and "serving" means ready to run
        WarmUp.run(clients, JourneyFiles.warmUpNeeds(files));
        this.config = config;
        this.env = env;
        this.log = log;
        this.region = JourneyFiles.region(config.region(), env, files);
        this.agentMetrics = new AgentMetrics(region, Version.current(), Otlp.metrics(config.otlp(), Version.current(), log));
        this.spans = Otlp.spans(config.otlp(), Version.current(), log);
        this.journeyMetrics = agentMetrics.journeys();
        this.browser = new AgentBrowser(BrowserEnvironment.of(env), config.maxPages());
        this.artifacts = new ArtifactStore(config.artifacts().orElseGet(Agent::temporaryArtifacts));
        this.scheduler = new Scheduler(config.maxConcurrency(), RandomGenerator.getDefault(),
                (probe, e) -> log.error("journey run crashed (a bug in uxprobe)", RunLog.fields("probe", probe.key(), "error", String.valueOf(e))));
        this.server = WebServer.start(config.listen(), web, registry().getPrometheusRegistry(),
                new Endpoints(this, new StatusPage(board), new StatusApi(board), artifacts));
        this.notifier = new Notifier(StatusUrl.derive(config.listen(), server.port(), web.tls()), log);
        board.addListener(notifier);
        apply(files, notify);
        this.watcher = config.watch() ? new ConfigWatcher(config.files(), () -> reload("journey file changed"),
                e -> log.error("watching the journey files failed, still watching", RunLog.fields("error", String.valueOf(e)))) : null;
    }

    /** Loads the journey files and the web config, then starts; an invalid file stops the start with its positioned error. */
    public static Agent start(ServeConfig config, Environment env, RunLog log) throws SpecException, WebConfigException, IOException {
        List<JourneyFile> files = JourneyFiles.load(config.files(), config.vars(), env);
        Map<String, NotifySettings> notify = Notifications.of(files);
        WebConfig web = config.webConfig().isPresent() ? WebConfigLoader.load(config.webConfig().get()) : WebConfig.none();
        Agent agent = new Agent(config, env, log, files, notify, web);
        log.info("uxprobe serving", RunLog.fields("listen", config.listen().getHostString() + ":" + agent.port(), "region", agent.region,
                "web", web.description(), "otlp", config.otlp().description(), "journeys", agent.summary));
        return agent;
    }

    public int port() {
        return server.port();
    }

    public String region() {
        return region;
    }

    public PrometheusMeterRegistry registry() {
        return agentMetrics.registry();
    }

    public boolean ready() {
        return scheduler.everyProbeRanOnce();
    }

    /**
     * Reads the journey files again. An invalid file is refused whole: the old journeys keep running. The files are
     * read without the agent's lock, so a slow disk never holds up the agent; of reloads that overlap, the one
     * started last decides. Nothing thrown while loading or applying ends a reload any other way than refused.
     */
    public Reload reload(String cause) {
        long ticket = reloadsStarted.incrementAndGet();
        List<JourneyFile> files;
        Map<String, NotifySettings> notify;
        try {
            files = JourneyFiles.load(config.files(), config.vars(), env);
            notify = Notifications.of(files);
        } catch (SpecException e) {
            return decided(ticket, () -> refused(cause, e.getMessage()));
        } catch (RuntimeException | Error e) {
            return decided(ticket, () -> refused(cause, "cannot load the journey files (a bug in uxprobe): " + e));
        }
        return decided(ticket, () -> {
            try {
                apply(files, notify);
            } catch (RuntimeException | Error e) {
                return refused(cause, "cannot apply the journey files (a bug in uxprobe): " + e);
            }
            log.info("journeys reloaded", RunLog.fields("cause", cause, "journeys", summary));
            return new Reload.Applied(summary);
        });
    }

    /** Runs {@code decide} under the agent's lock, unless a reload started later has decided already. */
    private synchronized Reload decided(long ticket, Supplier<Reload> decide) {
        if (ticket < lastDecided) return lastReload;
        lastDecided = ticket;
        lastReload = decide.get();
        return lastReload;
    }

    private Reload refused(String cause, String error) {
        agentMetrics.configReloaded(false);
        log.error("reload failed, old journeys keep running", RunLog.fields("cause", cause, "error", error));
        return new Reload.Refused(error);
    }

    private synchronized void apply(List<JourneyFile> files, Map<String, NotifySettings> notify) {
        Map<String, JourneyProbe> next = new HashMap<>();
        int steps = 0;
        for (JourneyFile file : files) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(file.errorSignatures()), Clock.systemUTC(), browser);
            Set<String> signatures = JourneyFiles.signatureIds(file);
            for (Journey journey : file.journeys()) {
                for (Region r : JourneyFiles.regions(file, region)) {
                    JourneyProbe probe = new JourneyProbe(journey, r.name(), r.egress(), runner, watchdog, r.varsOver(file.vars()), file.redactor(),
                            journeyMetrics, board, log, spans, artifacts, r.name().equals(region) ? journey.name() : journey.name() + "@" + r.name());
                    journeyMetrics.register(journey, r.name(), signatures);
                    board.register(journey.name(), r.name(), journey.settings().state());
                    next.put(probe.key(), probe);
                    steps += journey.steps().size();
                }
            }
        }
        if (AgentBrowser.needed(files)) startBrowser(files);
        probes.forEach((key, old) -> {
            if (!next.containsKey(key)) old.retire();
        });
        notifier.configure(notify);
        scheduler.replace(next.values());
        probes = next;
        agentMetrics.configReloaded(true);
        int allSteps = steps;
        heap.ifPresent(h -> h.steps(allSteps));
        HeapFit.warning(steps, Runtime.getRuntime().maxMemory()).ifPresent(w -> log.error(w, Map.of()));
        List<String> names = new ArrayList<>(next.keySet());
        names.sort(null);
        summary = names.size() + (names.size() == 1 ? " journey" : " journeys") + " (" + String.join(", ", names) + ")";
    }

    /** Starts the browser beside the first runs, so that the first browser step does not pay for it; once per agent. */
    private void startBrowser(List<JourneyFile> files) {
        Thread.ofVirtual().name("uxprobe-browser-start").start(() -> {
            try {
                browser.startFor(files).ifPresent(started -> log.info("browser started", RunLog.fields("browser", started,
                        "artifacts", artifacts.dir().toString())));
            } catch (IOException e) {
                log.error("cannot start the browser; browser steps fail with 'browser'", RunLog.fields("error", String.valueOf(e.getMessage())));
            }
        });
    }

    /** The agent's browser: not started while no journey has a browser step. */
    public AgentBrowser browser() {
        return browser;
    }

    public ArtifactStore artifacts() {
        return artifacts;
    }

    private static java.nio.file.Path temporaryArtifacts() {
        try {
            return java.nio.file.Files.createTempDirectory("uxprobe-artifacts-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot make a folder for browser evidence: " + e.getMessage(), e);
        }
    }

    /** Stops scheduling, lets runs under way finish within the grace period, then closes the endpoints. */
    public void stop(Duration grace) {
        try {
            scheduler.shutdown(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.close(); // after the last runs: no Chromium process outlives the agent
        notifier.close(grace); // state changes of the last runs still go out
        try {
            if (watcher != null) watcher.close();
        } catch (IOException e) {
            log.error("cannot stop watching the journey files", RunLog.fields("error", String.valueOf(e.getMessage())));
        }
        watchdog.close();
        heap.ifPresent(HeapKeeper::close);
        server.close();
        clients.close();
        // spans of the last runs still go out, but a collector that is down holds the exit up 5 s at most
        spans.close(grace.compareTo(SPANS_CLOSE) < 0 ? grace : SPANS_CLOSE);
        agentMetrics.close();
        log.info("uxprobe stopped", RunLog.fields());
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
