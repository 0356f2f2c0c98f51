package io.uxprobe.agent.report;

import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.StepResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI systems read it (GitHub Actions, GitLab, Jenkins): a {@code testsuite} per journey, a
 * {@code testcase} per step; a failed step is a {@code failure} whose type is the reason, a skipped one {@code skipped}.
 * Every value is made {@link Printable} first: XML 1.0 has no way to write most control characters, and a CI
 * system rejects a whole report that holds one.
 */
public final class JunitReport {

    private JunitReport() {}

    public static void write(RunReport report, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(report, w);
        }
    }

    public static void write(RunReport report, Writer w) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "uxprobe");
            x.writeAttribute("tests", Long.toString(report.runs().stream().mapToLong(r -> r.result().steps().size()).sum()));
            x.writeAttribute("failures", Long.toString(report.failedCount()));
            for (RunReport.Run run : report.runs()) suite(x, report.title(run), run.result(), run.region());
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit report: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter x, String title, JourneyResult j, String region) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        attribute(x, "name", title);
        x.writeAttribute("tests", Integer.toString(j.steps().size()));
        x.writeAttribute("failures", Long.toString(j.steps().stream().filter(s -> s.outcome() == Outcome.FAILED).count()));
        x.writeAttribute("skipped", Long.toString(j.steps().stream().filter(s -> s.outcome() == Outcome.SKIPPED).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("time", seconds(j.duration()));
        x.writeAttribute("timestamp", j.startedAt().toString());
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        x.writeEmptyElement("property");
        x.writeAttribute("name", "region");
        attribute(x, "value", region);
        x.writeEndElement();
        for (StepResult s : j.steps()) testcase(x, title, s);
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, String journey, StepResult s) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attribute(x, "classname", journey);
        attribute(x, "name", s.name());
        x.writeAttribute("time", seconds(s.duration()));
        if (s.outcome() == Outcome.SKIPPED) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "an earlier step failed");
        }
        if (s.failure().isPresent()) {
            var f = s.failure().get();
            x.writeStartElement("failure");
            x.writeAttribute("type", f.reason().label());
            attribute(x, "message", f.reason().label() + ": " + f.detail());
            x.writeCharacters(Printable.lines(ConsoleReport.step(s)));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void attribute(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, Printable.line(value));
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.3f", Format.seconds(d));
    }
}
