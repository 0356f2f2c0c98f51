package io.uxprobe.probes.journey;

import io.uxprobe.probes.template.Template;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request of a step.
 *
 * @param headers this step's own headers; the journey's default headers are added at run time where a name is absent
 * @param followRedirects resolved from the request, the journey and the defaults
 * @param allowInsecureRedirects follow a redirect from {@code https://} to {@code http://}, refused by default
 */
public record Request(
        String method,
        Template url,
        List<QueryParam> query,
        Map<String, Template> headers,
        Body body,
        boolean followRedirects,
        boolean allowInsecureRedirects) {

    /** One {@code query:} entry, added to the URL's query string. */
    public record QueryParam(String name, Template value) {}

    public Request {
        query = List.copyOf(query);
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** A request that refuses redirects from HTTPS to HTTP. */
    public Request(String method, Template url, List<QueryParam> query, Map<String, Template> headers, Body body, boolean followRedirects) {
        this(method, url, query, headers, body, followRedirects, false);
    }
}
