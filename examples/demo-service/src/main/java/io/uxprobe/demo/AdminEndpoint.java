package io.uxprobe.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /admin/outage} on every region's port: read every region's outage, or switch one. Never broken itself. */
final class AdminEndpoint {

    private final Outages outages;

    AdminEndpoint(Outages outages) {
        this.outages = outages;
    }

    /** @param region the region whose port was called: the one switched when the request names none */
    HttpResponse handle(HttpRequest req, String region) {
        if (!req.path().equals("/admin/outage")) return HttpResponse.json(404, Json.error("The admin endpoint is /admin/outage."));
        if (req.method().equals("POST")) return set(req, region);
        if (req.isGet()) return all();
        return MusicApi.notAllowed("GET, HEAD, POST");
    }

    private HttpResponse set(HttpRequest req, String own) {
        String region = req.param("region").filter(r -> !r.isBlank()).orElse(own);
        if (!outages.knows(region)) {
            return HttpResponse.json(400, Json.error("Unknown region '" + region + "': the demo serves " + String.join(", ", outages.all().keySet()) + "."));
        }
        if (req.param("mode").isEmpty()) return HttpResponse.json(400, Json.error("Say which outage: mode=" + String.join("|", Outage.ids().split(", ")) + "."));
        Outage mode;
        try {
            mode = Outage.parse(req.param("mode").get());
        } catch (IllegalArgumentException e) {
            return HttpResponse.json(400, Json.error(e.getMessage() + "."));
        }
        outages.set(region, mode);
        return all();
    }

    private HttpResponse all() {
        Map<String, String> modes = new LinkedHashMap<>();
        outages.all().forEach((r, m) -> modes.put(r, m.id()));
        return HttpResponse.json(200, Json.write(modes));
    }
}
