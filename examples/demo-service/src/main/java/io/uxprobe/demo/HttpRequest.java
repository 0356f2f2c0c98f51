package io.uxprobe.demo;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as read off the wire.
 *
 * @param path the decoded path, without the query
 * @param query decoded query parameters; the first value of each name wins
 * @param headers header names are case-insensitive; repeated headers are joined with {@code ", "}
 * @param keepAlive whether the client lets the connection carry another request
 */
record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body, boolean keepAlive) {

    HttpRequest {
        query = Map.copyOf(query);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = Collections.unmodifiableMap(h);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** GET and HEAD are the same request, HEAD only skips the body. */
    boolean isGet() {
        return method.equals("GET") || isHead();
    }
}
