package io.uxprobe.agent.cli;

import io.uxprobe.agent.otlp.OtlpSettings;
import io.uxprobe.probes.template.Environment;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Where journey runs' spans (and serve's metrics) also go, over OTLP/HTTP: shared by run and serve. */
final class OtlpOptions {

    private final OptionSpec endpointOpt = OptionSpec.builder("--otlp-endpoint").paramLabel("URL").type(String.class)
            .description("Sends runs' spans (serve: and the metrics) to this OTLP/HTTP collector, such as http://collector:4318 "
                    + "(default: $OTEL_EXPORTER_OTLP_ENDPOINT; none).").build();

    /** Adds {@code --otlp-endpoint} to {@code command}. */
    OtlpOptions(CommandSpec command) {
        command.addOption(endpointOpt);
    }

    OtlpSettings settings(Environment env, CommandLine cli) {
        try {
            return OtlpSettings.resolve(Optional.ofNullable(endpointOpt.<String>getValue()), env);
        } catch (OtlpSettings.Invalid e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
