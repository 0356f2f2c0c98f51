package io.uxprobe.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What users get from a broken region, for the outages that replace the answer outright. */
final class OutagePages {

    static final String TRY_AGAIN = "Something went wrong. Try again.";
    static final String UPSTREAM = "Upstream service unavailable";

    private OutagePages() {}

    /**
     * {@code soft_html}: the app shell with an error banner, 200 OK, whatever was asked for. No word "demo" on it: that is
     * the demo's password, so uxprobe masks it in every snippet it shows.
     */
    static HttpResponse softHtml(String region) {
        return HttpResponse.html(200, """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>uxprobe music</title></head>
                <body>
                <header><h1>uxprobe music</h1></header>
                <div class="banner error" role="alert">%s</div>
                <footer>region %s</footer>
                </body>
                </html>
                """.formatted(TRY_AGAIN, Html.escape(region)));
    }

    /** {@code soft_json}: an API error object, 200 OK. */
    static HttpResponse softJson() {
        return HttpResponse.json(200, Json.error(TRY_AGAIN));
    }

    /** {@code graphql}: how GraphQL servers report a failed resolver, 200 OK. */
    static HttpResponse graphql() {
        return HttpResponse.json(200, "{\"data\":null,\"errors\":[{\"message\":\"" + UPSTREAM + "\"}]}");
    }

    /** {@code gateway_503}: nginx's own page when every upstream is down. */
    static HttpResponse gateway503() {
        return new HttpResponse.Whole(503, Map.of("Content-Type", "text/html", "Server", "nginx"), """
                <html>
                <head><title>503 Service Temporarily Unavailable</title></head>
                <body>
                <center><h1>503 Service Temporarily Unavailable</h1></center>
                <hr><center>nginx</center>
                </body>
                </html>
                """.getBytes(StandardCharsets.UTF_8));
    }
}
