package io.uxprobe.agent.status;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A journey file's {@code notify:} block: the webhooks its journeys' state changes go to, and the status page's
 * external URL when it is not the one derived from the listen address.
 */
public record NotifySettings(List<Webhook> webhooks, Optional<URI> statusUrl) {

    public static final NotifySettings NONE = new NotifySettings(List.of(), Optional.empty());

    public NotifySettings {
        webhooks = List.copyOf(webhooks);
    }
}
