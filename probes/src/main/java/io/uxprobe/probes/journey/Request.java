package io.uxprobe.probes.journey;

import io.uxprobe.probes.template.Template;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request of a step.
 *
 * @param headers this step's own headers; the journey's default headers are added at run time where a name is absent
 * @param followRedirects resolved from the request, the journey and the defaults
 */
public record Request(
        String method,
        Template url,
        List<QueryParam> query,
        Map<String, Template> headers,
        Body body,
        boolean followRedirects) {

    /** One {@code query:} entry, added to the URL's query string. */
    public record QueryParam(String name, Template value) {}

    public Request {
        query = List.copyOf(query);
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
