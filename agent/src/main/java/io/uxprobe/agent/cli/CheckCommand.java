package io.uxprobe.agent.cli;

import static io.uxprobe.agent.cli.Options.flag;
import static io.uxprobe.agent.cli.Options.list;
import static io.uxprobe.agent.cli.Options.values;

import io.uxprobe.agent.report.ConsoleReport;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.StatusRange;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.files.CaCertificates;
import io.uxprobe.probes.errors.Signature;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Body;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.WarmUp;
import io.uxprobe.probes.journey.Request;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.HttpStep;
import io.uxprobe.probes.journey.Tls;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code uxprobe check URL}. Its command line is built with picocli's programmatic API, not read from annotations:
 * picocli reflects over annotations through dynamic proxies, which the AOT cache cannot hold, and that was ~40 ms
 * of every one-off check (docs/benchmarks.md).
 */
final class CheckCommand implements Callable<Integer> {

    private static final Pattern STATUS = Pattern.compile("([1-5])xx|([1-5]\\d\\d)");

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("check").versionProvider(new VersionProvider());

    private final PositionalParamSpec urlArg = PositionalParamSpec.builder().paramLabel("URL").type(String.class).arity("1").required(true)
            .description("The http or https URL to probe.").build();
    private final OptionSpec expectStatusOpt = list("--expect-status").paramLabel("CODE").splitRegex(",")
            .description("Status codes that pass, such as 200 or 2xx (repeatable; default 2xx).").build();
    private final OptionSpec failIfBodyOpt = list("--fail-if-body").paramLabel("TEXT|/REGEX/")
            .description("Fails when the page shows this text (case and spaces folded), or matches /REGEX/ (repeatable).").build();
    private final OptionSpec methodOpt = OptionSpec.builder("-X", "--method").paramLabel("METHOD").type(String.class).defaultValue("GET")
            .description("HTTP method (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec headerOpt = list("-H", "--header").paramLabel("'NAME: VALUE'").description("Adds a request header (repeatable).").build();
    private final OptionSpec timeoutOpt = OptionSpec.builder("--timeout").paramLabel("DURATION").type(String.class).defaultValue("10s")
            .description("Deadline for the whole probe (default ${DEFAULT-VALUE}).").build();
    private final OptionSpec noFollowOpt = flag("--no-follow-redirects").description("Reports a 3xx instead of following it.").build();
    private final OptionSpec allowInsecureRedirectsOpt = flag("--allow-insecure-redirects")
            .description("Follows a redirect from https:// to http:// (refused by default).").build();
    private final OptionSpec caFileOpt = OptionSpec.builder("--ca-file").paramLabel("PATH").type(Path.class)
            .description("Also trusts the CA certificates in this PEM file.").build();
    private final OptionSpec insecureOpt = flag("-k", "--insecure").description("Accepts any TLS certificate (the expiry is still reported).").build();
    private final OptionSpec explainOpt = flag("--explain").description("Prints how error detection read the page: the message it found, where, by which rule, "
            + "and the error phrases it saw and ignored, with the reason for each.").build();
    private final OptionSpec noErrorDetectionOpt = flag("--no-error-detection")
            .description("Does not look for error messages: only the status (and --fail-if-body) decide.").build();

    String url;
    List<String> expectStatus;
    List<String> failIfBody;
    String method;
    List<String> headers;
    String timeout;
    boolean noFollow;
    boolean allowInsecureRedirects;
    Path caFile;
    boolean insecure;
    boolean explain;
    boolean noErrorDetection;

    CheckCommand() {
        spec.usageMessage().description("Probes one URL once and prints its phase timings, status and any error message a user would see.",
                "The built-in error-message catalog is on. Exits 0 when the probe passes, 1 when it fails, 2 on bad usage,"
                        + " 3 when uxprobe itself broke.");
        spec.addPositional(urlArg);
        for (OptionSpec o : List.of(expectStatusOpt, failIfBodyOpt, methodOpt, headerOpt, timeoutOpt, noFollowOpt, allowInsecureRedirectsOpt,
                caFileOpt, insecureOpt, explainOpt, noErrorDetectionOpt)) {
            spec.addOption(o);
        }
        StandardHelp.addTo(spec);
    }

    /** The command line picocli runs. */
    CommandSpec spec() {
        return spec;
    }

    /** The values picocli parsed, in the fields the probe reads. */
    private void read() {
        url = urlArg.getValue();
        expectStatus = values(expectStatusOpt);
        failIfBody = values(failIfBodyOpt);
        method = methodOpt.getValue();
        headers = values(headerOpt);
        timeout = timeoutOpt.getValue();
        noFollow = noFollowOpt.<Boolean>getValue();
        allowInsecureRedirects = allowInsecureRedirectsOpt.<Boolean>getValue();
        caFile = caFileOpt.getValue();
        insecure = insecureOpt.<Boolean>getValue();
        explain = explainOpt.<Boolean>getValue();
        noErrorDetection = noErrorDetectionOpt.<Boolean>getValue();
    }

    @Override
    public Integer call() {
        read();
        CommandLine cli = spec.commandLine();
        if (HttpUrl.parse(url) == null) throw new CommandLine.ParameterException(cli, "'" + url + "' is not an http or https URL");
        if (caFile != null) {
            try {
                CaCertificates.read(caFile);
            } catch (CaCertificates.Unusable e) {
                throw new CommandLine.ParameterException(cli, "--ca-file " + caFile + ": " + e.getMessage());
            }
        }
        Duration deadline = Durations.parse(timeout).filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(cli, "--timeout '" + timeout + "' is not a duration such as 500ms or 5s"));

        List<StatusRange> allowed = new ArrayList<>();
        for (String s : expectStatus.isEmpty() ? List.of("2xx") : expectStatus) allowed.add(status(s.strip(), cli));
        Map<String, Template> requestHeaders = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new CommandLine.ParameterException(cli, "--header '" + h + "' must look like 'Name: value'");
            requestHeaders.put(h.substring(0, colon).strip(), Template.literal(h.substring(colon + 1).strip()));
        }

        Settings settings = new Settings(deadline, deadline, deadline, Settings.BUILT_IN.headers(), Settings.BUILT_IN.maxBodySize(),
                !noFollow, false, new Tls(Optional.ofNullable(caFile), insecure), Settings.BUILT_IN.state());
        String host = HttpUrl.parse(url).host();
        Request request = new Request(method.toUpperCase(Locale.ROOT), Template.literal(url), List.of(), requestHeaders, Body.NONE, !noFollow,
                allowInsecureRedirects);
        HttpStep step = new HttpStep(host, Position.unknown(Path.of("command line")), request,
                List.of(new Expectation.Status(allowed)), List.of(), Optional.empty(), !noErrorDetection || !failIfBody.isEmpty(), deadline,
                settings.maxBodySize());
        Journey journey = new Journey("check", step.position(), settings, List.of(step));

        try (HttpClients clients = new HttpClients()) {
            WarmUp.run(clients, WarmUp.Needs.of(List.of(journey), Variables.empty())); // the JVM's start-up is not the probe's
            List<Signature> own = signatures(cli);
            ErrorDetector detector = noErrorDetection ? ErrorDetector.only(own)
                    : own.isEmpty() ? ErrorDetector.catalogOnly() : new ErrorDetector(own); // the catalog's is built once (~20 ms)
            JourneyRunner runner = new JourneyRunner(clients, explain ? detector.explaining() : detector, Clock.systemUTC());
            JourneyResult result = runner.run(journey, Variables.empty(), Redactor.none());
            new ConsoleReport(cli.getOut(), explain).journey(result);
            return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
        }
    }

    private static StatusRange status(String s, CommandLine cli) {
        var m = STATUS.matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new CommandLine.ParameterException(cli, "--expect-status '" + s + "' must be a code such as 200 or a class such as 2xx");
        return m.group(1) != null ? StatusRange.ofClass(Integer.parseInt(m.group(1))) : StatusRange.exactly(Integer.parseInt(m.group(2)));
    }

    private List<Signature> signatures(CommandLine cli) {
        List<Signature> out = new ArrayList<>();
        for (int i = 0; i < failIfBody.size(); i++) {
            String v = failIfBody.get(i);
            String id = "fail_if_body_" + (i + 1);
            if (v.length() > 2 && v.startsWith("/") && v.endsWith("/")) {
                try {
                    out.add(new Signature.Regex(id, Pattern.compile(v.substring(1, v.length() - 1), Pattern.CASE_INSENSITIVE), true));
                } catch (PatternSyntaxException e) {
                    throw new CommandLine.ParameterException(cli, "--fail-if-body " + v + " is not a valid regex: " + e.getDescription());
                }
            } else {
                out.add(new Signature.Text(id, v, true)); // asked for by name: anywhere on the page, mentioned or not
            }
        }
        return out;
    }
}
