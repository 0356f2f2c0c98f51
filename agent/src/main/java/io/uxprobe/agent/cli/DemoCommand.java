package io.uxprobe.agent.cli;

import static io.uxprobe.agent.cli.Options.entries;
import static io.uxprobe.agent.cli.Options.flag;

import io.uxprobe.agent.browser.BrowserEnvironment;
import io.uxprobe.agent.demo.DemoJourneys;
import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.serve.Agent;
import io.uxprobe.agent.serve.ServeConfig;
import io.uxprobe.agent.serve.Signals;
import io.uxprobe.demo.DemoService;
import io.uxprobe.demo.Outage;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code uxprobe demo}. Its command line is built with picocli's programmatic API, as {@link CheckCommand}'s is. */
final class DemoCommand implements Callable<Integer> {

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("demo").versionProvider(new VersionProvider());

    private final Environment environment;

    private final OptionSpec listenOpt = OptionSpec.builder("--listen").paramLabel("HOST:PORT").type(String.class).defaultValue("127.0.0.1:9716")
            .description("Where the agent serves its status page and /metrics (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec regionsOpt = OptionSpec.builder("--regions").paramLabel("REGION=PORT,...").hideParamSyntax(true).splitRegex(",")
            .type(Map.class).auxiliaryTypes(String.class, Integer.class).defaultValue("eu-west=8080,us-east=8081,ap-south=8082")
            .description("The music service's regions and their ports (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec bindOpt = OptionSpec.builder("--bind").paramLabel("ADDRESS").type(String.class).defaultValue("127.0.0.1")
            .description("The address the music service listens on (default ${DEFAULT-VALUE}; 0.0.0.0 in a container).").build();
    private final OptionSpec intervalOpt = OptionSpec.builder("--interval").paramLabel("DURATION").type(String.class).defaultValue("5s")
            .description("How often each journey runs in each region (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec outagesOpt = OptionSpec.builder("--outage").paramLabel("REGION=MODE").type(Map.class).auxiliaryTypes(String.class, String.class)
            .description("Starts a region broken, such as eu-west=soft_html (repeatable; modes as the banner lists).").build();
    private final OptionSpec serviceOnlyOpt = flag("--service-only")
            .description("Runs only the music service, for agents elsewhere (docker compose does).").build();

    String listen;
    Map<String, Integer> regions;
    String bind;
    String interval;
    Map<String, String> outages;
    boolean serviceOnly;

    DemoCommand(Environment environment) {
        this.environment = environment;
        spec.usageMessage().description("Starts a demo music service in three regions and an agent playing the example journeys from each.",
                "Break a region with the admin command it prints and watch its journeys fail. Ctrl-C stops everything.");
        for (OptionSpec o : List.of(listenOpt, regionsOpt, bindOpt, intervalOpt, outagesOpt, serviceOnlyOpt)) {
            spec.addOption(o);
        }
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    /** The values picocli parsed, in the fields the demo reads. */
    private void read() {
        listen = listenOpt.getValue();
        regions = regionsOpt.getValue();
        bind = bindOpt.getValue();
        interval = intervalOpt.getValue();
        outages = entries(outagesOpt);
        serviceOnly = serviceOnlyOpt.<Boolean>getValue();
    }

    @Override
    public Integer call() throws Exception {
        read();
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        if (Durations.parse(interval).filter(d -> d.compareTo(Duration.ofSeconds(5)) >= 0).isEmpty()) {
            throw new CommandLine.ParameterException(cli, "--interval '" + interval + "' must be a duration of at least 5s");
        }
        DemoService started;
        try {
            started = DemoService.start(regions, DemoService.Options.defaults().withBind(InetAddress.getByName(bind)));
        } catch (IOException e) {
            cli.getErr().println("uxprobe: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (DemoService service = started) {
            for (Map.Entry<String, String> o : outages.entrySet()) {
                try {
                    service.outage(o.getKey(), Outage.parse(o.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cli, "--outage " + o.getKey() + "=" + o.getValue() + ": " + e.getMessage());
                }
            }
            if (serviceOnly) {
                out.println(serviceBanner(service));
                out.flush();
                Signals.awaitTermination(service::close);
                return ExitCodes.PASSED;
            }
            Path dir = Files.createTempDirectory("uxprobe-demo");
            try {
                // the browser journey needs Chromium: without it, the demo shows the rest and says how to add it
                Optional<String> noBrowser = BrowserEnvironment.missing(environment);
                List<Path> files = DemoJourneys.write(dir, service, interval, noBrowser.isEmpty());
                // the demo's users log in with the demo's password; everything else comes from the real environment
                Environment env = name -> name.equals("UXPROBE_PASSWORD") ? Optional.of(DemoService.PASSWORD) : environment.variable(name);
                ServeConfig config = new ServeConfig(files, Map.of(), Optional.of("demo"), ServeCommand.address(listen, cli), Optional.empty(),
                        32, Duration.ofSeconds(3), false);
                Agent agent;
                try {
                    agent = Agent.start(config, env, new RunLog(cli.getErr(), RunLog.Format.TEXT, Clock.systemUTC()));
                } catch (BindException e) {
                    cli.getErr().println("uxprobe: cannot listen on " + listen + " (" + e.getMessage() + "): pick another --listen");
                    return ExitCodes.USAGE;
                } catch (SpecException e) {
                    cli.getErr().println("uxprobe: the demo's journeys are invalid (a bug): " + e.getMessage());
                    return ExitCodes.BROKEN;
                }
                out.println(banner(service, agent, noBrowser));
                out.flush();
                Signals.awaitTermination(agent::close);
                return ExitCodes.PASSED;
            } finally {
                DemoJourneys.delete(dir);
            }
        }
    }

    private String serviceBanner(DemoService service) {
        return "uxprobe demo music service (password '" + DemoService.PASSWORD + "')\n" + regionLines(service)
                + "\nBreak a region:  curl -X POST '" + service.baseUrl(service.regions().getFirst()) + "/admin/outage?mode=soft_html'"
                + "\nCtrl-C stops it.";
    }

    private String banner(DemoService service, Agent agent, Optional<String> noBrowser) {
        String agentUrl = "http://" + (listen.startsWith(":") ? "127.0.0.1" : listen.substring(0, listen.lastIndexOf(':'))) + ":" + agent.port();
        String first = service.regions().getFirst();
        return """
                uxprobe demo: a music service in %d regions, and an agent playing its journeys from each, every %s.

                music service
                %s
                agent
                  %s/          status page
                  %s/metrics   Prometheus metrics
                  %s/-/healthy
                %s
                Break %s the way users met it, and watch its journeys fail:
                  curl -X POST '%s/admin/outage?mode=soft_html'
                %s
                Other modes: %s
                Heal it:
                  curl -X POST '%s/admin/outage?mode=none'
                Ctrl-C stops everything.
                """.formatted(service.regions().size(), interval, regionLines(service), agentUrl, agentUrl, agentUrl,
                noBrowser.isEmpty()
                        ? "journeys: login, search, playback, listen, player-page and player (examples/journeys), one line per run below\n"
                                + "player plays the web player (" + service.baseUrl(first) + "/player) in a headless Chromium\n"
                        : "journeys: login, search, playback, listen and player-page (examples/journeys), one line per run below\n"
                                + "player, which plays the web player in a browser, is left out: " + noBrowser.get() + "\n"
                                + "(install Debian's chromium and chromium-driver, or set UXPROBE_CHROMIUM and UXPROBE_CHROMEDRIVER)\n",
                first, service.baseUrl(first),
                noBrowser.isEmpty()
                        ? "Only the web player's API, which only the browser journey sees:\n  curl -X POST '" + service.baseUrl(first) + "/admin/outage?mode=player_api'"
                        : "",
                java.util.Arrays.stream(Outage.values()).map(Outage::id).collect(Collectors.joining(", ")),
                service.baseUrl(first));
    }

    private static String regionLines(DemoService service) {
        return service.regions().stream().map(r -> "  %-9s %s  (outage: %s)".formatted(r, service.baseUrl(r), service.outage(r).id()))
                .collect(Collectors.joining("\n"));
    }
}
