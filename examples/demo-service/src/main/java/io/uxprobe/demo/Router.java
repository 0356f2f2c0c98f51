package io.uxprobe.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Sends each request to its endpoint, through the region's outage. {@code /healthz} and {@code /admin/*} go first, so
 * no outage ever reaches them.
 */
final class Router implements RegionListener.Handler {

    private final Outages outages;
    private final MusicApi api;
    private final AudioEndpoint audio;
    private final AdminEndpoint admin;
    private final Duration slowDelay;
    private final BooleanSupplier closed;
    private final Function<String, String> fallbackOrigin;

    /**
     * @param closed true once the service is closing: ends stalls so their connections can close
     * @param fallbackOrigin a region's own base URL, for clients that send no Host header
     */
    Router(Outages outages, MusicApi api, AudioEndpoint audio, AdminEndpoint admin, Duration slowDelay, BooleanSupplier closed,
            Function<String, String> fallbackOrigin) {
        this.outages = outages;
        this.api = api;
        this.audio = audio;
        this.admin = admin;
        this.slowDelay = slowDelay;
        this.closed = closed;
        this.fallbackOrigin = fallbackOrigin;
    }

    @Override
    public HttpResponse handle(String region, HttpRequest req) {
        String path = req.path();
        if (path.equals("/healthz")) return HttpResponse.plain(200, "ok\n");
        if (path.equals("/admin") || path.startsWith("/admin/")) return admin.handle(req, region);

        Outage outage = outages.get(region);
        boolean isApi = path.startsWith("/api/");
        switch (outage) {
            case RESET -> { return new HttpResponse.Reset(); }
            case GATEWAY_503 -> { return OutagePages.gateway503(); }
            case SOFT_HTML -> { return OutagePages.softHtml(region); }
            case SOFT_JSON -> { if (isApi) return OutagePages.softJson(); }
            case GRAPHQL -> { if (isApi) return OutagePages.graphql(); }
            case SLOW -> sleep(slowDelay);
            case PLAYER_API -> { if (path.startsWith("/api/player/")) return HttpResponse.json(503, Json.error("Upstream service unavailable.")); }
            case NONE, STALL, EMPTY_SEARCH -> { } // these change an answer, not replace it
        }

        String origin = req.header("Host").filter(h -> !h.isBlank()).map(h -> "http://" + h).orElseGet(() -> fallbackOrigin.apply(region));
        if (isApi) return api.handle(req, region, origin, outage == Outage.EMPTY_SEARCH);
        if (path.startsWith("/stream/")) return audio.handle(req, () -> outages.get(region) == Outage.STALL && !closed.getAsBoolean());
        if (path.equals("/")) return req.isGet() ? HomePage.render(region, origin) : MusicApi.notAllowed("GET, HEAD");
        if (path.equals("/player")) return req.isGet() ? PlayerPage.render() : MusicApi.notAllowed("GET, HEAD");
        return HttpResponse.html(404, "<!doctype html><title>Not found</title><h1>Not found</h1><p>Nothing at " + Html.escape(path) + ".</p>\n");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
