package io.uxprobe.agent.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.errors.ErrorMatch;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A machine-readable report of a run: every journey, every step, phases in seconds. Documented in docs/cli.md. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static void write(RunReport report, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        JSON.writeValue(path.toFile(), toJson(report));
    }

    public static ObjectNode toJson(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("region", report.region());
        root.put("startedAt", report.startedAt().toString());
        root.put("passed", report.passed());
        ArrayNode journeys = root.putArray("journeys");
        for (RunReport.Run run : report.runs()) {
            JourneyResult j = run.result();
            ObjectNode jn = journeys.addObject();
            jn.put("name", j.journey());
            jn.put("region", run.region());
            jn.put("passed", j.passed());
            jn.put("startedAt", j.startedAt().toString());
            jn.put("durationSeconds", Format.seconds(j.duration()));
            j.trace().ifPresent(t -> jn.put("traceId", t.traceId()).put("spanId", t.spanId()));
            ArrayNode steps = jn.putArray("steps");
            for (StepResult s : j.steps()) steps.add(step(s));
        }
        return root;
    }

    private static ObjectNode step(StepResult s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.name());
        n.put("outcome", s.outcome().name().toLowerCase(Locale.ROOT));
        s.spanId().ifPresent(id -> n.put("spanId", id));
        n.put("method", Printable.line(s.method()));
        n.put("url", Printable.line(s.url()));
        s.status().ifPresent(code -> n.put("status", code));
        n.put("durationSeconds", Format.seconds(s.duration()));
        ObjectNode phases = n.putObject("phasesSeconds");
        for (Phase p : Phase.values()) phases.put(p.label(), Format.seconds(s.phases().get(p)));
        n.put("bytes", s.bytes());
        s.bytesPerSecond().ifPresent(rate -> n.put("bytesPerSecond", rate));
        s.certificateExpiry().ifPresent(t -> n.put("certificateExpiry", t.toString()));
        s.failure().ifPresent(f -> {
            ObjectNode fn = n.putObject("failure");
            fn.put("reason", f.reason().label());
            fn.put("detail", Printable.line(f.detail()));
            f.signature().ifPresent(sig -> fn.put("signature", sig));
            f.snippet().ifPresent(snip -> fn.put("snippet", Printable.line(snip)));
        });
        Detection d = s.detection();
        if (d.message().isPresent() || !d.mentions().isEmpty()) {
            ObjectNode dn = n.putObject("errorDetection");
            d.message().ifPresent(m -> match(dn.putObject("message"), m));
            ArrayNode ignored = dn.putArray("ignored");
            d.mentions().forEach(m -> match(ignored.addObject(), m));
        }
        return n;
    }

    /** One reading of an error phrase: which signature, what the user saw, where, and the rule that decided. */
    private static void match(ObjectNode n, ErrorMatch m) {
        n.put("signature", m.signature());
        n.put("snippet", Printable.line(m.snippet()));
        n.put("where", Printable.line(m.where()));
        n.put("rule", m.rule());
        n.put("why", Printable.line(m.why()));
    }
}
