package io.uxprobe.agent.cli;

import io.uxprobe.agent.otlp.OtlpSettings;
import io.uxprobe.probes.template.Environment;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where journey runs' spans (and serve's metrics) also go, over OTLP/HTTP: shared by run and serve. */
final class OtlpOptions {

    @Option(names = "--otlp-endpoint", paramLabel = "URL",
            description = "Sends runs' spans (serve: and the metrics) to this OTLP/HTTP collector, such as http://collector:4318 "
                    + "(default: $OTEL_EXPORTER_OTLP_ENDPOINT; none).")
    String endpoint;

    OtlpSettings settings(Environment env, CommandLine cli) {
        try {
            return OtlpSettings.resolve(Optional.ofNullable(endpoint), env);
        } catch (OtlpSettings.Invalid e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
