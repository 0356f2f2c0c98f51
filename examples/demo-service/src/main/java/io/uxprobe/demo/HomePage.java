package io.uxprobe.demo;

/** {@code GET /}: says which region answered and how to play with it. */
final class HomePage {

    private HomePage() {}

    static HttpResponse render(String region, String origin) {
        String r = Html.escape(region);
        String o = Html.escape(origin);
        return HttpResponse.html(200, """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>uxprobe demo music — region %1$s</title></head>
                <body>
                <h1>uxprobe demo music — region %1$s</h1>
                <p>A tiny music service for uxprobe's example journeys. Log in with any name and the password <code>let-me-listen</code>.</p>
                <ul>
                <li><code>POST /api/login</code> <code>{"username":"demo","password":"let-me-listen"}</code></li>
                <li><code>GET /api/me</code> with <code>Authorization: Bearer &lt;token&gt;</code></li>
                <li><a href="/api/search?q=jazz">GET /api/search?q=jazz</a></li>
                <li><a href="/api/tracks/42">GET /api/tracks/42</a></li>
                <li><a href="/stream/42.mp3">GET /stream/42.mp3</a> (Range supported)</li>
                <li><a href="/healthz">GET /healthz</a> — stays green in every outage</li>
                <li><a href="/admin/outage">GET /admin/outage</a> — every region's outage</li>
                </ul>
                <p>Break this region: <code>curl -X POST '%2$s/admin/outage?mode=soft_html'</code>; heal it with <code>mode=none</code>. Modes: %3$s.</p>
                </body>
                </html>
                """.formatted(r, o, Outage.ids()));
    }
}
