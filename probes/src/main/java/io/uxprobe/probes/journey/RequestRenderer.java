package io.uxprobe.probes.journey;

import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.internal.http.HttpMethod;

/** Fills a step's request templates with this run's variables and builds the OkHttp request. */
final class RequestRenderer {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    /** A request that cannot be sent as written, e.g. a URL that is not one once variables are filled in. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    private RequestRenderer() {}

    /** The URL as it will be requested, for reports (not yet redacted). */
    static String url(Request request, Variables vars) {
        return request.url().renderUrl(vars);
    }

    /**
     * What the URL's user info puts on the wire that must be masked like a secret: its password, and the
     * {@code Authorization: Basic} credentials made from it. A password in a URL is one, even when written out.
     */
    static Set<String> credentials(String url) {
        if (url.indexOf('@') < 0) return Set.of(); // no user info without one: most URLs need no parse
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || parsed.password().isEmpty()) return Set.of();
        return Set.of(parsed.password(), basic(parsed).substring(BASIC.length()));
    }

    /** @param span the step's trace context, sent as {@code traceparent} over any the file sets */
    static okhttp3.Request render(Request request, Map<String, Template> defaultHeaders, Variables vars, Optional<TraceContext> span)
            throws BadRequest {
        String rawUrl = url(request, vars);
        HttpUrl url = HttpUrl.parse(rawUrl);
        if (url == null) throw new BadRequest("'" + rawUrl + "' is not an http or https URL");
        boolean userInfo = !url.username().isEmpty() || !url.password().isEmpty();
        HttpUrl bare = userInfo ? url.newBuilder().username("").password("").build() : url;

        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(request.query().isEmpty() ? bare : withQuery(bare, request, vars));
        // user info is sent as curl sends it: Basic credentials with the first request, unless the step sets its own
        if (userInfo && !hasHeader(request, "Authorization")) b.header("Authorization", basic(url));
        String contentType = null;
        for (Map.Entry<String, Template> h : request.headers().entrySet()) {
            String value = h.getValue().render(vars);
            b.header(h.getKey(), value);
            if (contentType == null && h.getKey().equalsIgnoreCase("Content-Type")) contentType = value;
        }
        for (Map.Entry<String, Template> h : defaultHeaders.entrySet()) {
            if (!hasHeader(request, h.getKey()) && !(userInfo && h.getKey().equalsIgnoreCase("Authorization"))) {
                b.header(h.getKey(), h.getValue().render(vars));
            }
        }
        if (span.isPresent()) b.header(TraceContext.HEADER, span.get().traceparent());
        b.method(request.method(), body(request, Optional.ofNullable(contentType), vars));
        return b.build();
    }

    private static final String BASIC = "Basic ";

    private static String basic(HttpUrl url) {
        return Credentials.basic(url.username(), url.password(), StandardCharsets.UTF_8);
    }

    private static HttpUrl withQuery(HttpUrl url, Request request, Variables vars) {
        HttpUrl.Builder withQuery = url.newBuilder();
        for (Request.QueryParam q : request.query()) withQuery.addQueryParameter(q.name(), q.value().render(vars));
        return withQuery.build();
    }

    private static boolean hasHeader(Request request, String name) {
        for (String own : request.headers().keySet()) {
            if (own.equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    private static RequestBody body(Request request, Optional<String> contentType, Variables vars) throws BadRequest {
        MediaType declared = contentType.map(MediaType::parse).orElse(null);
        RequestBody body = switch (request.body()) {
            case Body.None n -> null;
            case Body.Json j -> RequestBody.create(j.value().render(vars).toString().getBytes(StandardCharsets.UTF_8), declared != null ? declared : JSON);
            case Body.Form f -> {
                FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
                f.fields().forEach((k, v) -> form.add(k, v.render(vars)));
                yield form.build();
            }
            case Body.Raw r -> RequestBody.create(r.text().render(vars).getBytes(StandardCharsets.UTF_8), declared != null ? declared : TEXT);
        };
        if (body == null && HttpMethod.requiresRequestBody(request.method())) {
            return RequestBody.create(new byte[0], declared);
        }
        if (body != null && !HttpMethod.permitsRequestBody(request.method())) {
            throw new BadRequest(request.method() + " requests cannot have a body");
        }
        return body;
    }
}
