package io.uxprobe.probes.journey;

import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
        return request.url().render(vars);
    }

    static okhttp3.Request render(Request request, Map<String, Template> defaultHeaders, Variables vars) throws BadRequest {
        String rawUrl = request.url().render(vars);
        HttpUrl url = HttpUrl.parse(rawUrl);
        if (url == null) throw new BadRequest("'" + rawUrl + "' is not an http or https URL");
        HttpUrl.Builder withQuery = url.newBuilder();
        for (Request.QueryParam q : request.query()) withQuery.addQueryParameter(q.name(), q.value().render(vars));

        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(withQuery.build());
        request.headers().forEach((name, value) -> b.header(name, value.render(vars)));
        defaultHeaders.forEach((name, value) -> {
            if (request.headers().keySet().stream().noneMatch(name::equalsIgnoreCase)) b.header(name, value.render(vars));
        });
        Optional<String> contentType = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type")).map(e -> e.getValue().render(vars)).findFirst();
        b.method(request.method(), body(request, contentType, vars));
        return b.build();
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
