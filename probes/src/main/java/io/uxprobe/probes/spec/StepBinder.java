package io.uxprobe.probes.spec;

import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractor;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.HttpStep;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Step;
import io.uxprobe.probes.journey.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One step of a journey: its request, expectations, extractions and stream; or the page it plays in a browser. */
final class StepBinder {

    private static final List<String> KEYS = List.of(
            "name", "request", "browser", "expect", "extract", "stream", "errorSignatures", "timeout", "maxBodySize");
    /** Keys of an HTTP step that a browser step does not take. */
    private static final List<String> HTTP_ONLY = List.of("request", "expect", "stream", "maxBodySize");
    private static final List<String> EXTRACT_KEYS = List.of("jsonPath", "regex", "header", "cookie", "group", "secret");
    private static final List<String> SOURCES = List.of("jsonPath", "regex", "header", "cookie");
    private static final List<String> STREAM_KEYS = List.of("read", "for", "stallAfter", "minBytesPerSecond");

    private final RequestBinder requests;
    private final ExpectBinder expectations;
    private final BrowserBinder pages;

    StepBinder(TemplateReader templates) {
        this.requests = new RequestBinder(templates);
        this.expectations = new ExpectBinder(templates);
        this.pages = new BrowserBinder(templates);
    }

    /**
     * @param label how messages name the step: {@code step 'login'}
     * @param stepNames names of the journey's steps so far, which this step's name must not repeat
     */
    Step bind(YamlNode node, String label, Settings settings, Scope scope, Map<String, Position> stepNames) throws SpecException {
        Fields fields = Fields.of(node, label, "in " + label, KEYS);
        YamlNode nameNode = fields.require("name");
        String name = Values.name(nameNode, "'name'", "step name", JourneyBinder.NAME, JourneyBinder.NAME_RULE);
        JourneyBinder.unique("step", name, nameNode.position(), stepNames);
        if (fields.has("browser")) return browser(fields, name, nameNode.position(), label, settings, scope);
        if (!fields.has("request")) {
            throw new SpecException(fields.mapping().position(), label + " needs request: (an HTTP request) or browser: (a page in a browser)");
        }
        return new HttpStep(
                name,
                nameNode.position(),
                requests.bind(fields.require("request"), label, settings.followRedirects(), scope),
                fields.read("expect", (n, what) -> expectations.bind(n, label, scope), List.<Expectation>of()),
                fields.read("extract", (n, what) -> extractions(n, label), List.<Extraction>of()),
                fields.read("stream", (n, what) -> stream(n, label)),
                fields.read("errorSignatures", StepBinder::onOff, true),
                fields.read("timeout", Values::duration, settings.stepTimeout()),
                fields.read("maxBodySize", Values::size, settings.maxBodySize()));
    }

    private Step browser(Fields fields, String name, Position at, String label, Settings settings, Scope scope) throws SpecException {
        for (String key : HTTP_ONLY) {
            Optional<YamlNode.Mapping.Entry> e = fields.entry(key);
            if (e.isPresent()) {
                throw new SpecException(e.get().keyPosition(), "'" + key + "' is for HTTP steps; " + label + " has browser:, so check the page "
                        + "with actions (expectText, expectNoText, waitFor), or make it a step of its own");
            }
        }
        BrowserBinder.Page page = pages.bind(fields.require("browser"), label, scope);
        return new BrowserStep(name, at, page.open(), page.actions(),
                fields.read("extract", (n, what) -> BrowserBinder.extractions(n, label), List.of()),
                page.failOnConsoleErrors(), page.failOnFailedRequests(),
                fields.read("errorSignatures", StepBinder::onOff, true),
                fields.read("timeout", Values::duration, settings.stepTimeout()));
    }

    private static boolean onOff(YamlNode node, String what) throws SpecException {
        YamlNode.Scalar s = Values.scalar(node, "on or off", what);
        return switch (s.text().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw Values.expected("on or off", what, node);
        };
    }

    private static StreamSpec stream(YamlNode node, String label) throws SpecException {
        Fields fields = Fields.of(node, "'stream'", "in stream of " + label, STREAM_KEYS);
        Optional<DataSize> read = fields.read("read", Values::size);
        Optional<Duration> duration = fields.read("for", Values::duration);
        if (read.isEmpty() && duration.isEmpty()) read = Optional.of(StreamSpec.DEFAULT_READ);
        return new StreamSpec(read, duration, fields.read("stallAfter", Values::duration, StreamSpec.DEFAULT_STALL_AFTER),
                fields.read("minBytesPerSecond", Values::size));
    }

    private static List<Extraction> extractions(YamlNode node, String label) throws SpecException {
        List<Extraction> extractions = new ArrayList<>();
        for (YamlNode.Mapping.Entry e : Values.mapping(node, "'extract'").entries()) {
            String variable = e.key();
            if (!VarsBinder.VARIABLE.matcher(variable).matches()) {
                throw new SpecException(e.keyPosition(), "'" + variable + "' is not a valid variable name: " + VarsBinder.VARIABLE_RULE);
            }
            String extract = "extract '" + variable + "'";
            Fields fields = Fields.of(e.value(), extract, "in " + extract + " of " + label, EXTRACT_KEYS);
            List<YamlNode.Mapping.Entry> sources = fields.present(SOURCES);
            if (sources.isEmpty()) {
                throw new SpecException(e.keyPosition(), extract + " needs one of: " + String.join(", ", SOURCES));
            }
            if (sources.size() > 1) {
                throw new SpecException(sources.get(1).keyPosition(), extract + " takes only one of jsonPath, regex, header and cookie; it has "
                        + sources.get(0).key() + " and " + sources.get(1).key());
            }
            YamlNode.Mapping.Entry source = sources.getFirst();
            Optional<YamlNode.Mapping.Entry> group = fields.entry("group");
            if (group.isPresent() && !source.key().equals("regex")) {
                throw new SpecException(group.get().keyPosition(), "'group' only goes with regex, and " + extract + " uses " + source.key());
            }
            String what = "'" + source.key() + "'";
            Extractor from = switch (source.key()) {
                case "jsonPath" -> {
                    String path = Values.string(source.value(), what);
                    yield new Extractor.JsonPath(path, Values.jsonPath(path, source.value().position()));
                }
                case "regex" -> regex(source.value(), group);
                case "header" -> new Extractor.Header(Values.string(source.value(), what));
                default -> new Extractor.Cookie(Values.string(source.value(), what));
            };
            extractions.add(new Extraction(variable, from, fields.read("secret", Values::bool, false)));
        }
        return extractions;
    }

    private static Extractor.Regex regex(YamlNode node, Optional<YamlNode.Mapping.Entry> groupEntry) throws SpecException {
        Pattern regex = Values.regex(node, "'regex'", 0);
        int groups = regex.matcher("").groupCount();
        if (groupEntry.isEmpty()) return new Extractor.Regex(regex, groups > 0 ? 1 : 0);
        YamlNode value = groupEntry.get().value();
        int group = Values.integer(value, "'group'");
        if (group < 0 || group > groups) {
            throw new SpecException(value.position(), "group " + group + " does not exist: the regex has "
                    + (groups == 1 ? "1 group" : groups + " groups") + " (0 is the whole match)");
        }
        return new Extractor.Regex(regex, group);
    }
}
