package io.uxprobe.agent.cli;

import static io.uxprobe.agent.cli.Options.flag;

import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.serve.Agent;
import io.uxprobe.agent.serve.ServeConfig;
import io.uxprobe.agent.serve.Signals;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.agent.web.WebConfigException;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code uxprobe serve FILE...}, the agent. Its command line is built with picocli's programmatic API, as {@link CheckCommand}'s is. */
final class ServeCommand implements Callable<Integer> {

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("serve").versionProvider(new VersionProvider());

    private final Environment environment;
    private final JourneyFileOptions journeyFiles;
    private final OtlpOptions otlp;

    private final OptionSpec regionOpt = OptionSpec.builder("--region").paramLabel("NAME").type(String.class)
            .description("The region label of every series (default: $UXPROBE_REGION, else the file's agent.region, else 'default').").build();
    private final OptionSpec listenOpt = OptionSpec.builder("--listen").paramLabel("HOST:PORT").type(String.class).defaultValue(":9716")
            .description("Where to serve /metrics, /-/healthy, /-/ready, /-/reload (default ${DEFAULT-VALUE}: every interface).").build();
    private final OptionSpec webConfigOpt = OptionSpec.builder("--web-config").paramLabel("PATH").type(Path.class)
            .description("Basic auth and TLS for the endpoints, in Prometheus's web config format.").build();
    private final OptionSpec maxConcurrencyOpt = OptionSpec.builder("--max-concurrency").paramLabel("N").type(int.class).defaultValue("32")
            .description("Journey runs at once, at most (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec graceOpt = OptionSpec.builder("--grace").paramLabel("DURATION").type(String.class).defaultValue("25s")
            .description("On SIGTERM, how long running journeys may finish (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec logFormatOpt = OptionSpec.builder("--log-format").paramLabel("FORMAT").type(String.class).defaultValue("text")
            .description("text (logfmt) or json: one line per journey run (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec noWatchOpt = flag("--no-watch").description("Does not reload when a journey file changes on disk.").build();
    private final OptionSpec maxPagesOpt = Options.maxPages();
    private final OptionSpec artifactsOpt = OptionSpec.builder("--artifacts").paramLabel("DIR").type(Path.class)
            .description("Where failed browser steps' screenshots and visible texts go, 5 per step kept (default: a temporary folder).").build();

    String region;
    String listen;
    Path webConfig;
    int maxConcurrency;
    String grace;
    String logFormat;
    boolean noWatch;
    int maxPages;
    Path artifacts;

    ServeCommand(Environment environment) {
        this.environment = environment;
        spec.usageMessage().description("Runs the journeys on their intervals and serves their results to Prometheus on /metrics.",
                "Reloads on SIGHUP, POST /-/reload and journey file changes; an invalid file is refused whole "
                        + "and the old journeys keep running.",
                "SIGTERM lets running journeys finish (see --grace), then exits 0.");
        journeyFiles = new JourneyFileOptions(spec);
        otlp = new OtlpOptions(spec);
        for (OptionSpec o : List.of(regionOpt, listenOpt, webConfigOpt, maxConcurrencyOpt, graceOpt, logFormatOpt, noWatchOpt, maxPagesOpt,
                artifactsOpt)) {
            spec.addOption(o);
        }
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    /** The values picocli parsed, in the fields the agent is configured from. */
    private void read() {
        region = regionOpt.getValue();
        listen = listenOpt.getValue();
        webConfig = webConfigOpt.getValue();
        maxConcurrency = maxConcurrencyOpt.<Integer>getValue();
        grace = graceOpt.getValue();
        logFormat = logFormatOpt.getValue();
        noWatch = noWatchOpt.<Boolean>getValue();
        maxPages = maxPagesOpt.<Integer>getValue();
        artifacts = artifactsOpt.getValue();
    }

    @Override
    public Integer call() throws Exception {
        read();
        CommandLine cli = spec.commandLine();
        try {
            journeyFiles.load(environment); // bad --vars and invalid files stop the start before anything is served
        } catch (SpecException e) {
            cli.getErr().println("uxprobe: " + Printable.line(e.getMessage()));
            return ExitCodes.USAGE;
        }
        ServeConfig config = new ServeConfig(journeyFiles.files(), journeyFiles.vars(), Optional.ofNullable(region).filter(r -> !r.isBlank()),
                address(listen, cli), Optional.ofNullable(webConfig), positive(maxConcurrency, "--max-concurrency", cli),
                Durations.parse(grace).orElseThrow(() -> new CommandLine.ParameterException(cli, "--grace '" + grace + "' is not a duration such as 30s")),
                !noWatch, otlp.settings(environment, cli), positive(maxPages, "--max-pages", cli), Optional.ofNullable(artifacts));
        RunLog log = new RunLog(cli.getErr(), format(logFormat, cli), Clock.systemUTC());
        AtomicReference<Agent> started = new AtomicReference<>();
        // before the start: a SIGHUP meanwhile does nothing, where the JVM's own handler would end the agent
        boolean hangUpReloads = Signals.onHangUp(() -> Optional.ofNullable(started.get()).ifPresent(a -> a.reload("SIGHUP")));
        Agent agent;
        try {
            agent = Agent.start(config, environment, log);
        } catch (SpecException | WebConfigException e) {
            cli.getErr().println("uxprobe: " + Printable.line(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (BindException e) {
            cli.getErr().println("uxprobe: cannot listen on " + listen + " (" + e.getMessage() + "): pick another --listen");
            return ExitCodes.USAGE;
        }
        started.set(agent);
        if (!hangUpReloads) {
            log.error("SIGHUP is ignored (started under nohup?): reload with POST /-/reload or by changing a journey file", Map.of());
        }
        Signals.awaitTermination(() -> agent.stop(config.grace()));
        return ExitCodes.PASSED;
    }

    static InetSocketAddress address(String listen, CommandLine cli) {
        int colon = listen.lastIndexOf(':');
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            String host = listen.substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
            return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cli, "--listen '" + listen + "' must look like HOST:PORT or :PORT");
        }
    }

    private static int positive(int n, String option, CommandLine cli) {
        if (n < 1) throw new CommandLine.ParameterException(cli, option + " must be at least 1");
        return n;
    }

    private static RunLog.Format format(String f, CommandLine cli) {
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "text", "logfmt" -> RunLog.Format.TEXT;
            case "json" -> RunLog.Format.JSON;
            default -> throw new CommandLine.ParameterException(cli, "--log-format must be text or json, not '" + f + "'");
        };
    }
}
