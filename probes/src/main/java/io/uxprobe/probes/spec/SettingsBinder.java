package io.uxprobe.probes.spec;

import io.uxprobe.probes.files.CaCertificates;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.StatePolicy;
import io.uxprobe.probes.journey.Tls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys {@code defaults:} and each journey may set, applied over the settings they inherit. */
final class SettingsBinder {

    static final List<String> KEYS = List.of(
            "interval", "timeout", "stepTimeout", "headers", "maxBodySize", "followRedirects", "reuseConnections", "tls",
            "failureThreshold", "successThreshold", "retries", "traceContext");

    private final TemplateReader templates;
    private final Path baseDir;
    private final Scope headerScope;

    /** @param headerScope the variables headers sent by every step may use: the file's vars, never extracted ones */
    SettingsBinder(TemplateReader templates, Path baseDir, Scope headerScope) {
        this.templates = templates;
        this.baseDir = baseDir;
        this.headerScope = headerScope;
    }

    Settings apply(Settings base, Fields fields) throws SpecException {
        return new Settings(
                fields.read("interval", Values::duration, base.interval()),
                fields.read("timeout", Values::duration, base.timeout()),
                fields.read("stepTimeout", Values::duration, base.stepTimeout()),
                Headers.merge(base.headers(), fields.read("headers", (node, what) -> Headers.read(node, what, headerScope, templates), Map.of())),
                fields.read("maxBodySize", Values::size, base.maxBodySize()),
                fields.read("followRedirects", Values::bool, base.followRedirects()),
                fields.read("reuseConnections", Values::bool, base.reuseConnections()),
                fields.read("tls", (node, what) -> tls(base.tls(), node, fields.context()), base.tls()),
                new StatePolicy(
                        fields.read("failureThreshold", (n, what) -> atLeast(1, n, what), base.state().failureThreshold()),
                        fields.read("successThreshold", (n, what) -> atLeast(1, n, what), base.state().successThreshold()),
                        fields.read("retries", (n, what) -> atLeast(0, n, what), base.state().retries())),
                fields.read("traceContext", Values::bool, base.traceContext()));
    }

    private static int atLeast(int min, YamlNode node, String what) throws SpecException {
        int n = Values.integer(node, what);
        if (n < min) throw new SpecException(node.position(), what + " must be at least " + min + ", not " + n);
        return n;
    }

    private Tls tls(Tls base, YamlNode node, String context) throws SpecException {
        Fields tls = Fields.of(node, "'tls'", "in tls " + context.replaceFirst("^in ", "of "), List.of("caFile", "insecure"));
        Optional<Path> caFile = base.caFile();
        Optional<YamlNode> file = tls.get("caFile");
        if (file.isPresent()) {
            String written = Values.string(file.get(), "'caFile'");
            Path path = baseDir.resolve(written).normalize();
            try {
                CaCertificates.read(path); // read now, so validate reports a wrong file rather than every run crash
            } catch (CaCertificates.Unusable e) {
                Path shown = file.get().position().file().resolveSibling(written).normalize();
                throw new SpecException(file.get().position(), "CA file " + shown + ": " + e.getMessage()
                        + (Files.exists(path) ? "" : " (relative to the journey file's folder)"));
            }
            caFile = Optional.of(path);
        }
        return new Tls(caFile, tls.read("insecure", Values::bool, base.insecure()));
    }
}
