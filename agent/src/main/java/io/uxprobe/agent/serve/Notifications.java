package io.uxprobe.agent.serve;

import io.uxprobe.agent.status.MessageTemplate;
import io.uxprobe.agent.status.NotifySettings;
import io.uxprobe.agent.status.Webhook;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.NotifySpec;
import io.uxprobe.probes.spec.SpecException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The files' {@code notify:} as the notifier takes it, journey by journey; a bad message template is a file error. */
final class Notifications {

    private Notifications() {}

    static Map<String, NotifySettings> of(List<JourneyFile> files) throws SpecException {
        Map<String, NotifySettings> byJourney = new HashMap<>();
        for (JourneyFile file : files) {
            NotifySettings settings = settings(file.notifications());
            for (Journey j : file.journeys()) byJourney.put(j.name(), settings);
        }
        return byJourney;
    }

    private static NotifySettings settings(NotifySpec spec) throws SpecException {
        List<Webhook> webhooks = new ArrayList<>();
        for (NotifySpec.Webhook w : spec.webhooks()) {
            try {
                webhooks.add(new Webhook(URI.create(w.url()), w.headers(), Webhook.Format.valueOf(w.format().name()),
                        w.template().map(MessageTemplate::parse), w.recoveryTemplate().map(MessageTemplate::parse)));
            } catch (IllegalArgumentException e) {
                throw new SpecException(w.position(), "webhook: " + e.getMessage());
            }
        }
        return new NotifySettings(webhooks, spec.statusUrl().map(URI::create));
    }
}
