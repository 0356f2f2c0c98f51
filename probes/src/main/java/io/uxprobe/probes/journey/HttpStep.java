package io.uxprobe.probes.journey;

import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Position;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A step that sends one HTTP request: what must hold of its response, and values to carry to later steps.
 *
 * @param timeout this step's deadline (its own {@code timeout:} or the journey's {@code stepTimeout})
 * @param maxBodySize bodies larger than this fail with {@code body_too_large}
 * @param errorSignatures false when the step says {@code errorSignatures: off}
 */
public record HttpStep(
        String name,
        Position position,
        Request request,
        List<Expectation> expectations,
        List<Extraction> extractions,
        Optional<StreamSpec> stream,
        boolean errorSignatures,
        Duration timeout,
        DataSize maxBodySize) implements Step {

    public HttpStep {
        expectations = List.copyOf(expectations);
        extractions = List.copyOf(extractions);
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public io.uxprobe.probes.template.Template target() {
        return request.url();
    }
}
