package io.uxprobe.demo;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code GET /stream/{id}.mp3}: a track's audio, whole or by byte range. */
final class AudioEndpoint {

    private final Catalogue catalogue;
    private final long bytesPerSecond;

    AudioEndpoint(Catalogue catalogue, long bytesPerSecond) {
        this.catalogue = catalogue;
        this.bytesPerSecond = bytesPerSecond;
    }

    /** @param stalled whether the region is in the {@code stall} outage, asked again while streaming */
    HttpResponse handle(HttpRequest req, BooleanSupplier stalled) {
        if (!req.isGet()) return MusicApi.notAllowed("GET, HEAD");
        String name = req.path().substring("/stream/".length());
        Optional<Track> track = name.endsWith(".mp3") ? catalogue.track(name.substring(0, name.length() - 4)) : Optional.empty();
        if (track.isEmpty()) return HttpResponse.json(404, Json.error("No audio at " + req.path() + "."));
        Track t = track.get();
        long length = t.audioLength();

        return switch (ByteRange.of(req.header("Range"), length)) {
            case ByteRange.All all -> stream(200, t, new ByteRange.Part(0, length - 1), stalled);
            case ByteRange.Part part -> HttpResponse.withHeader(stream(206, t, part, stalled),
                    "Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + length);
            case ByteRange.Unsatisfiable none -> HttpResponse.withHeader(
                    HttpResponse.json(416, Json.error("Range not satisfiable: this track has " + length + " bytes.")),
                    "Content-Range", "bytes */" + length);
        };
    }

    private HttpResponse stream(int status, Track t, ByteRange.Part part, BooleanSupplier stalled) {
        Map<String, String> headers = Map.of("Content-Type", "audio/mpeg", "Accept-Ranges", "bytes", "Cache-Control", "no-store");
        return new HttpResponse.Streamed(status, headers, part.length(), new AudioStream(t.id(), part, bytesPerSecond, stalled));
    }
}
