package io.uxprobe.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API under {@code /api}: login, profile, search and track details. */
final class MusicApi {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;

    private final Catalogue catalogue;
    private final Sessions sessions;

    MusicApi(Catalogue catalogue, Sessions sessions) {
        this.catalogue = catalogue;
        this.sessions = sessions;
    }

    /**
     * @param origin {@code http://host:port} as the client reached this region, for absolute URLs
     * @param emptySearch the {@code empty_search} outage: search finds nothing
     */
    HttpResponse handle(HttpRequest req, String region, String origin, boolean emptySearch) {
        String path = req.path();
        if (path.equals("/api/login")) return req.method().equals("POST") ? login(req) : notAllowed("POST");
        if (!req.isGet()) return notAllowed("GET, HEAD");
        if (path.equals("/api/me")) return me(req, region);
        if (path.equals("/api/search")) return search(req, emptySearch);
        if (path.startsWith("/api/tracks/")) return track(path.substring("/api/tracks/".length()), origin);
        if (path.equals("/api/player/home")) return shelf();
        if (path.equals("/api/player/search")) return search(req, emptySearch);
        return HttpResponse.json(404, Json.error("No API at " + path + "."));
    }

    private HttpResponse login(HttpRequest req) {
        Optional<JsonNode> body = Json.readObject(req.body());
        if (body.isEmpty()) return HttpResponse.json(400, Json.error("Send a JSON object: {\"username\": \"…\", \"password\": \"…\"}."));
        String user = body.get().path("username").asText("");
        String password = body.get().path("password").asText("");
        Optional<String> token = sessions.login(user, password);
        if (token.isEmpty()) return HttpResponse.json(401, Json.error("Wrong user name or password."));
        HttpResponse ok = HttpResponse.json(200, Json.write(Map.of("token", token.get())));
        return HttpResponse.withHeader(ok, "Set-Cookie", "session=" + token.get() + "; Path=/; HttpOnly");
    }

    private HttpResponse me(HttpRequest req, String region) {
        Optional<String> user = token(req).flatMap(sessions::user);
        if (user.isEmpty()) {
            HttpResponse denied = HttpResponse.json(401, Json.error("Log in first: send Authorization: Bearer <token from POST /api/login>."));
            return HttpResponse.withHeader(denied, "WWW-Authenticate", "Bearer");
        }
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", user.get());
        me.put("plan", "free");
        me.put("region", region);
        return HttpResponse.json(200, Json.write(me));
    }

    /** The bearer token, else the session cookie: an API client sends the one, a browser the other. */
    private static Optional<String> token(HttpRequest req) {
        Optional<String> bearer = req.header("Authorization")
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).strip());
        if (bearer.isPresent()) return bearer;
        return req.header("Cookie").flatMap(cookies -> {
            for (String c : cookies.split(";")) {
                String kv = c.strip();
                if (kv.startsWith("session=")) return Optional.of(kv.substring("session=".length()));
            }
            return Optional.empty();
        });
    }

    /** The web player's home shelf. */
    private HttpResponse shelf() {
        return HttpResponse.json(200, Json.write(Map.of("title", "For you", "tracks", catalogue.shelf(6).stream().map(MusicApi::result).toList())));
    }

    private HttpResponse search(HttpRequest req, boolean emptySearch) {
        Optional<String> q = req.param("q").map(String::strip).filter(s -> !s.isEmpty());
        if (q.isEmpty()) return HttpResponse.json(400, Json.error("Say what to search for: /api/search?q=jazz."));
        int limit;
        try {
            limit = req.param("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) return HttpResponse.json(400, Json.error("limit must be a number from 1 to " + MAX_LIMIT + "."));

        List<Track> found = emptySearch ? List.of() : catalogue.search(q.get());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q.get());
        body.put("total", found.size());
        body.put("results", found.stream().limit(limit).map(MusicApi::result).toList());
        return HttpResponse.json(200, Json.write(body));
    }

    private static Map<String, Object> result(Track t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", t.id());
        r.put("title", t.title());
        r.put("artist", t.artist());
        return r;
    }

    private HttpResponse track(String id, String origin) {
        Optional<Track> track = catalogue.track(id);
        if (track.isEmpty()) return HttpResponse.json(404, Json.error("No track with id '" + id + "'."));
        Track t = track.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", t.id());
        body.put("title", t.title());
        body.put("artist", t.artist());
        body.put("genre", t.genre());
        body.put("durationSeconds", t.durationSeconds());
        body.put("streamUrl", origin + "/stream/" + t.id() + ".mp3");
        return HttpResponse.json(200, Json.write(body));
    }

    static HttpResponse notAllowed(String allow) {
        return HttpResponse.withHeader(HttpResponse.json(405, Json.error("Use " + allow + " here.")), "Allow", allow);
    }
}
