package io.uxprobe.probes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as a step saw it: status, headers, the body read (up to the step's cap), and how long it took.
 * Expectations, extractors and error detection all read this; nothing here touches the network.
 */
public final class ObservedResponse {

    /** Made on first use: an ObjectMapper's set-up (dates, time zone) is ~20 ms of a one-off check of an HTML page. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final Configuration PATH = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
                .mappingProvider(new JacksonMappingProvider(MAPPER))
                .build();
    }

    private final int status;
    private final String url;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration duration;
    private final Map<String, String> cookies;

    private String text;
    private Optional<JsonNode> json;

    /**
     * @param headers response headers; names are matched case-insensitively
     * @param cookies cookies set by this response, then those the run's cookie jar holds for this URL
     */
    public ObservedResponse(int status, String url, Map<String, List<String>> headers, byte[] body, Duration duration, Map<String, String> cookies) {
        this.status = status;
        this.url = url;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.merge(k, List.copyOf(v), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        this.headers = java.util.Collections.unmodifiableMap(h);
        this.body = body;
        this.duration = duration;
        this.cookies = Map.copyOf(cookies);
    }

    public int status() {
        return status;
    }

    /** The URL that answered (after redirects), not redacted. */
    public String url() {
        return url;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The media type without parameters, lower case; empty string when absent. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    public byte[] body() {
        return body;
    }

    /** The body decoded with the charset of its Content-Type (UTF-8 when none is given). */
    public String bodyText() {
        if (text == null) text = new String(body, charset());
        return text;
    }

    public Duration duration() {
        return duration;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** The body as JSON; empty when it is not JSON. */
    public Optional<JsonNode> json() {
        if (json == null) {
            try {
                json = body.length == 0 ? Optional.empty() : Optional.ofNullable(Json.MAPPER.readTree(body));
            } catch (IOException e) {
                json = Optional.empty();
            }
        }
        return json;
    }

    /**
     * What a JSONPath finds in the body: the value for a definite path (a JSON null is a value),
     * an array of matches for an indefinite one ({@code $..id}, filters), empty when nothing matches.
     */
    public Optional<JsonNode> jsonPath(JsonPath path) {
        Optional<JsonNode> doc = json();
        if (doc.isEmpty()) return Optional.empty();
        try {
            JsonNode found = path.read(doc.get(), Json.PATH);
            if (path.isDefinite()) return Optional.ofNullable(found);
            return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    private Charset charset() {
        return header("Content-Type").flatMap(ct -> {
            for (String param : ct.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Optional.of(Charset.forName(p.substring(8).replace("\"", "").strip()));
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }).orElse(StandardCharsets.UTF_8);
    }
}
