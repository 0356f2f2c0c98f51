package io.uxprobe.agent.cli;

import static io.uxprobe.agent.cli.Options.flag;
import static io.uxprobe.agent.cli.Options.list;
import static io.uxprobe.agent.cli.Options.values;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.uxprobe.agent.Version;
import io.uxprobe.agent.browser.AgentBrowser;
import io.uxprobe.agent.browser.ArtifactStore;
import io.uxprobe.agent.browser.BrowserEnvironment;
import io.uxprobe.agent.browser.SavedEvidence;
import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.metrics.MetricsPush;
import io.uxprobe.agent.otlp.Otlp;
import io.uxprobe.agent.otlp.OtlpSettings;
import io.uxprobe.agent.otlp.SpanExport;
import io.uxprobe.agent.report.ConsoleReport;
import io.uxprobe.agent.report.JsonReport;
import io.uxprobe.agent.report.JunitReport;
import io.uxprobe.agent.report.RunReport;
import io.uxprobe.agent.schedule.Watchdog;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.WarmUp;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code uxprobe run FILE...}. Its command line is built with picocli's programmatic API, as {@link CheckCommand} says why. */
final class RunCommand implements Callable<Integer> {

    /** How long a run waits at its end for its spans to reach the collector. */
    private static final Duration SPANS_CLOSE = Duration.ofSeconds(10);

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("run").versionProvider(new VersionProvider());

    private final Environment environment;
    private final JourneyFileOptions journeyFiles;
    private final OtlpOptions otlp;

    private final OptionSpec onlyOpt = list("--journey").paramLabel("NAME").description("Runs only this journey (repeatable).").build();
    private final OptionSpec regionOpt = OptionSpec.builder("--region").paramLabel("NAME").type(String.class)
            .description("Where this run happens, for reports and pushed metrics (default: $UXPROBE_REGION, else the file's agent.region, else 'default').")
            .build();
    private final OptionSpec verboseOpt = flag("-v", "--verbose").description("Prints, under each step, how error detection read the answer: the message "
            + "it found and why, and the error phrases it saw and ignored (as check --explain does).").build();
    private final OptionSpec junitOpt = OptionSpec.builder("--report-junit").paramLabel("PATH").type(Path.class)
            .description("Writes a JUnit XML report: a test suite per journey, a test case per step.").build();
    private final OptionSpec jsonOpt = OptionSpec.builder("--report-json").paramLabel("PATH").type(Path.class)
            .description("Writes a JSON report of every journey and step.").build();
    private final OptionSpec pushGatewayOpt = OptionSpec.builder("--push-gateway").paramLabel("URL").type(String.class)
            .description("Pushes the run's metrics to this Prometheus Pushgateway (such as http://pushgateway:9091).").build();
    private final OptionSpec pushJobOpt = OptionSpec.builder("--push-job").paramLabel("NAME").type(String.class)
            .description("The job label of the pushed group (default " + MetricsPush.DEFAULT_JOB + "); the group is job + region. Needs --push-gateway.")
            .build();
    private final OptionSpec maxPagesOpt = Options.maxPages();
    private final OptionSpec artifactsOpt = OptionSpec.builder("--artifacts").paramLabel("DIR").type(Path.class)
            .description("Where a failed browser step's screenshot and visible text go (default: an 'artifacts' folder beside the "
                    + "JUnit or JSON report, else ./uxprobe-artifacts).").build();

    List<String> only;
    String region;
    boolean verbose;
    Path junit;
    Path json;
    String pushGateway;
    String pushJob;
    int maxPages;
    Path artifacts;

    RunCommand(Environment environment) {
        this.environment = environment;
        spec.usageMessage().description("Runs every journey in the files once and prints what the user saw, step by step.",
                "Exits 0 when all journeys pass, 1 when one fails, 2 on bad usage or an invalid file (nothing runs),"
                        + " 3 when uxprobe itself broke (or the push failed after every journey passed).");
        journeyFiles = new JourneyFileOptions(spec);
        otlp = new OtlpOptions(spec);
        for (OptionSpec o : List.of(onlyOpt, regionOpt, verboseOpt, junitOpt, jsonOpt, pushGatewayOpt, pushJobOpt, maxPagesOpt, artifactsOpt)) {
            spec.addOption(o);
        }
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    /** The values picocli parsed, in the fields the run reads. */
    private void read() {
        only = values(onlyOpt);
        region = regionOpt.getValue();
        verbose = verboseOpt.<Boolean>getValue();
        junit = junitOpt.getValue();
        json = jsonOpt.getValue();
        pushGateway = pushGatewayOpt.getValue();
        pushJob = pushJobOpt.getValue();
        maxPages = maxPagesOpt.<Integer>getValue();
        artifacts = artifactsOpt.getValue();
    }

    @Override
    public Integer call() throws IOException {
        read();
        checkPush();
        OtlpSettings otlpSettings = otlp.settings(environment, spec.commandLine());
        if (maxPages < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-pages must be at least 1");
        List<JourneyFile> loaded;
        try {
            loaded = journeyFiles.load(environment);
        } catch (SpecException e) {
            spec.commandLine().getErr().println("uxprobe: " + Printable.line(e.getMessage()));
            return ExitCodes.USAGE;
        }
        List<String> unknown = only.stream().filter(n -> loaded.stream().flatMap(f -> f.journeys().stream()).noneMatch(j -> j.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            spec.commandLine().getErr().println("uxprobe: no journey named " + String.join(", ", unknown) + " in " + journeyFiles.files());
            return ExitCodes.USAGE;
        }

        String ownRegion = JourneyFiles.region(Optional.ofNullable(region), environment, loaded);
        ConsoleReport console = new ConsoleReport(spec.commandLine().getOut(), verbose);
        Instant startedAt = Instant.now();
        List<RunReport.Run> runs = new ArrayList<>();
        SpanExport spans = Otlp.spans(otlpSettings, Version.current(), new RunLog(spec.commandLine().getErr(), RunLog.Format.TEXT, Clock.systemUTC()));
        ArtifactStore store = new ArtifactStore(artifactsDir());
        try (HttpClients clients = new HttpClients(); Watchdog watchdog = new Watchdog();
                AgentBrowser browser = new AgentBrowser(BrowserEnvironment.of(environment), maxPages)) {
            try {
                browser.startFor(selected(loaded)); // before the first step's clock starts
            } catch (IOException e) {
                spec.commandLine().getErr().println("uxprobe: " + e.getMessage() + "; browser steps fail with 'browser'");
            }
            WarmUp.run(clients, JourneyFiles.warmUpNeeds(loaded)); // the JVM's start-up is not the first journey's
            for (JourneyFile file : loaded) {
                ErrorDetector detector = new ErrorDetector(file.errorSignatures());
                JourneyRunner runner = new JourneyRunner(clients, verbose ? detector.explaining() : detector, Clock.systemUTC(), browser);
                for (Journey journey : file.journeys()) {
                    if (!only.isEmpty() && !only.contains(journey.name())) continue;
                    for (Region r : JourneyFiles.regions(file, ownRegion)) {
                        JourneyResult result = watchdog.await(journey, file.redactor(),
                                progress -> runner.run(journey, r.varsOver(file.vars()), file.redactor(), r.egress(), progress));
                        spans.export(r.name(), result);
                        String title = r.name().equals(ownRegion) ? journey.name() : journey.name() + "@" + r.name();
                        RunReport.Run run = new RunReport.Run(r.name(), result, saveEvidence(store, title, result));
                        runs.add(run);
                        console.journey(title, result, run.evidence());
                    }
                }
            }
        }
        spans.close(SPANS_CLOSE);
        RunReport report = new RunReport(ownRegion, startedAt, runs);
        console.summary(report);
        if (junit != null) JunitReport.write(report, junit);
        if (json != null) JsonReport.write(report, json);
        if (pushGateway != null) {
            try {
                Push.results(report, loaded, pushGateway, job());
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("uxprobe: " + e.getMessage());
                if (report.passed()) return ExitCodes.BROKEN;
            }
        }
        return report.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    private String job() {
        return pushJob == null ? MetricsPush.DEFAULT_JOB : pushJob;
    }

    /** A push that cannot happen is a usage error before any journey runs, not a surprise after they all did. */
    private void checkPush() {
        CommandLine cli = spec.commandLine();
        if (pushGateway == null) {
            if (pushJob != null) throw new CommandLine.ParameterException(cli, "--push-job needs --push-gateway: there is nothing to push to without it");
            return;
        }
        try {
            MetricsPush.to(pushGateway, job(), "check", new PrometheusRegistry());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--push-gateway: " + e.getMessage());
        }
    }

    /** The files with only the journeys this run plays, so a browser starts only when one of them needs it. */
    private List<JourneyFile> selected(List<JourneyFile> loaded) {
        if (only.isEmpty()) return loaded;
        return loaded.stream().map(f -> new JourneyFile(f.source(), f.vars(), f.errorSignatures(),
                f.journeys().stream().filter(j -> only.contains(j.name())).toList(), f.secrets())).filter(f -> !f.journeys().isEmpty()).toList();
    }

    private List<SavedEvidence> saveEvidence(ArtifactStore store, String title, JourneyResult result) {
        try {
            return store.save(title, result);
        } catch (IOException e) {
            spec.commandLine().getErr().println("uxprobe: cannot save the evidence of " + title + " in " + store.dir() + ": " + e.getMessage());
            return List.of();
        }
    }

    /** {@code --artifacts}, else an {@code artifacts} folder beside the reports, else {@code ./uxprobe-artifacts}. */
    private Path artifactsDir() {
        if (artifacts != null) return artifacts;
        Path report = junit != null ? junit : json;
        Path parent = report == null ? null : report.toAbsolutePath().getParent();
        return parent != null ? parent.resolve("artifacts") : Path.of("uxprobe-artifacts");
    }
}
