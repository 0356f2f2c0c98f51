package io.uxprobe.probes.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file's {@code notify:}: where state changes of its journeys are announced.
 *
 * @param statusUrl the status page's address as people reach it, for links in messages
 */
public record NotifySpec(List<Webhook> webhooks, Optional<String> statusUrl) {

    public static final NotifySpec NONE = new NotifySpec(List.of(), Optional.empty());

    /** How a webhook's message is written. */
    public enum Format { JSON, SLACK, TEXT }

    /**
     * One receiver. {@code url} and {@code headers} are rendered (they may hold secrets: never print them);
     * {@code template} words the "down" message, {@code recoveryTemplate} the "up" one, with {@code {journey}},
     * {@code {regions}}, {@code {state}} and the like.
     */
    public record Webhook(Position position, String url, Map<String, String> headers, Format format, Optional<String> template,
            Optional<String> recoveryTemplate) {
        public Webhook {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "webhook at " + position; // url and headers may carry tokens
        }
    }

    public NotifySpec {
        webhooks = List.copyOf(webhooks);
    }
}
