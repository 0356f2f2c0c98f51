package io.uxprobe.probes.journey;

import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.TemplateParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds steps and journeys in tests without a journey file. */
final class StepBuilder {

    private final String name;
    private String method = "GET";
    private Template url;
    private final Map<String, Template> headers = new LinkedHashMap<>();
    private Body body = Body.NONE;
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<Extraction> extractions = new ArrayList<>();
    private Optional<StreamSpec> stream = Optional.empty();
    private boolean errorSignatures = true;
    private Duration timeout = Duration.ofSeconds(5);
    private DataSize maxBody = DataSize.ofMiB(10);
    private boolean followRedirects = true;
    private boolean allowInsecureRedirects = false;

    private StepBuilder(String name, String url) {
        this.name = name;
        this.url = template(url);
    }

    static StepBuilder step(String name, String url) {
        return new StepBuilder(name, url);
    }

    /** Parses {@code ${var}} references, as a journey file would. */
    static Template template(String raw) {
        try {
            return new TemplateParser(n -> Optional.empty(), Path.of(".")).parse(raw);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    StepBuilder method(String m) { this.method = m; return this; }
    StepBuilder header(String n, String v) { headers.put(n, template(v)); return this; }
    StepBuilder body(Body b) { this.body = b; return this; }
    StepBuilder expect(Expectation e) { expectations.add(e); return this; }
    StepBuilder extract(Extraction x) { extractions.add(x); return this; }
    StepBuilder stream(StreamSpec s) { this.stream = Optional.of(s); return this; }
    StepBuilder noErrorSignatures() { this.errorSignatures = false; return this; }
    StepBuilder timeout(Duration d) { this.timeout = d; return this; }
    StepBuilder maxBody(DataSize s) { this.maxBody = s; return this; }
    StepBuilder noRedirects() { this.followRedirects = false; return this; }
    StepBuilder allowInsecureRedirects() { this.allowInsecureRedirects = true; return this; }

    Step build() {
        Request r = new Request(method, url, List.of(), headers, body, followRedirects, allowInsecureRedirects);
        return new HttpStep(name, new Position(Path.of("test.yaml"), 1, 1), r, expectations, extractions, stream, errorSignatures, timeout, maxBody);
    }

    static Journey journey(String name, Step... steps) {
        return journey(name, Settings.BUILT_IN, steps);
    }

    static Journey journey(String name, Settings settings, Step... steps) {
        return new Journey(name, new Position(Path.of("test.yaml"), 1, 1), settings, List.of(steps));
    }

    static Settings withTimeout(Duration journeyTimeout) {
        Settings s = Settings.BUILT_IN;
        return new Settings(s.interval(), journeyTimeout, s.stepTimeout(), s.headers(), s.maxBodySize(), s.followRedirects(), s.reuseConnections(), s.tls(), s.state());
    }

    static Settings reusingConnections() {
        Settings s = Settings.BUILT_IN;
        return new Settings(s.interval(), s.timeout(), s.stepTimeout(), s.headers(), s.maxBodySize(), s.followRedirects(), true, s.tls(), s.state());
    }

    static Settings withTls(Tls tls) {
        Settings s = Settings.BUILT_IN;
        return new Settings(s.interval(), s.timeout(), s.stepTimeout(), s.headers(), s.maxBodySize(), s.followRedirects(), s.reuseConnections(), tls, s.state());
    }
}
