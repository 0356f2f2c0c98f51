package io.uxprobe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Response bodies the benchmarks feed the error detector, shaped like the samples in probes/src/test/resources/errors/
 * (the soft-200 page is that sample itself) and the bodies of ErrorMessageTest. Built in code, the same every time,
 * so a 100 KiB page need not live in the repo.
 */
final class Bodies {

    private Bodies() {}

    /** About 1 KiB: a plain healthy page whose visible text has no error message. */
    static final String SMALL_HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Tunes – Your music, everywhere</title>
              <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body>
              <header><nav><a href="/">Home</a> <a href="/search">Search</a> <a href="/help">Help</a></nav></header>
              <main>
                <h1>Good evening</h1>
                <section class="shelf">
                  <h2>Recently played</h2>
                  <ul>
                    <li><a href="/track/1">Midnight City</a> — M83</li>
                    <li><a href="/track/2">Tadow</a> — Masego, FKJ</li>
                    <li><a href="/track/3">Pink + White</a> — Frank Ocean</li>
                    <li><a href="/track/4">Teardrop</a> — Massive Attack</li>
                  </ul>
                </section>
                <aside class="notice">New: lossless audio for every plan. <a href="/plans">See plans</a></aside>
              </main>
              <footer>© 2026 Tunes. <a href="/status">Status</a> · <a href="/privacy">Privacy</a></footer>
            </body>
            </html>
            """;

    /** A soft 200: the page a streaming app shows when its backend failed (the catalog tests' own sample). */
    static final String SOFT_200_HTML = resource("errors/streaming-something-went-wrong.html");

    /** An API answer with no error: a page of search results, about 1.5 KiB. */
    static final String JSON_OK = jsonOk();

    /** A JSON error a client would show (ErrorMessageTest.soft200JsonError). */
    static final String JSON_ERROR =
            "{\"data\":null,\"error\":{\"code\":\"E_PLAYBACK\",\"message\":\"Something went wrong. Try again.\"}}";

    /** A GraphQL answer with errors (ErrorMessageTest.graphqlErrors). */
    static final String GRAPHQL_ERROR =
            "{\"data\":{\"search\":null},\"errors\":[{\"message\":\"Cannot reach the search service\",\"path\":[\"search\"]}]}";

    /** About 100 KiB: a healthy single-page app, mostly markup and inline script, with hidden error text as real apps carry. */
    static final String LARGE_SPA_HTML = largeSpa(100 * 1024);

    private static String resource(String name) {
        try (InputStream in = Bodies.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the class path: build with bench/jmh.sh");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonOk() {
        StringBuilder b = new StringBuilder("{\"data\":{\"search\":{\"query\":\"error\",\"total\":12,\"items\":[");
        for (int i = 0; i < 12; i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\":\"trk_").append(1000 + i).append("\",\"title\":\"Try Again (Remix ").append(i)
                    .append(")\",\"artist\":\"The Errors\",\"durationMs\":").append(180_000 + 997 * i)
                    .append(",\"explicit\":false}");
        }
        return b.append("]}},\"error\":null,\"errors\":[]}").toString();
    }

    private static String largeSpa(int size) {
        StringBuilder b = new StringBuilder(size + 4096);
        b.append("""
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Tunes – Web Player</title>
                  <link rel="preload" href="/assets/index-3f2a.js" as="script">
                  <style>.banner--offline::after { content: "Something went wrong. Try again."; } .d-none { display: none }</style>
                  <script>window.__I18N__ = {"error.generic": "Something went wrong. Try again.", "error.offline": "You are offline."};</script>
                """);
        // an inlined bundle chunk: a quarter of the page is script
        b.append("  <script>\n");
        for (int i = 0; b.length() < size / 4; i++) {
            b.append("    function c").append(i).append("(e,t){var n=e.state[t]||{};if(!n.ready){return fetch('/api/v1/chunk/")
                    .append(i).append("').then(function(r){return r.json()}).catch(function(){e.toast('Something went wrong. Try again.')})}"
                            + "return Promise.resolve(n)}\n");
        }
        b.append("  </script>\n");
        // the server-rendered state a hydrating app ships: another quarter
        b.append("  <script type=\"application/json\" id=\"__NEXT_DATA__\">{\"props\":{\"shelves\":[");
        for (int i = 0; b.length() < size / 2; i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\":").append(i).append(",\"title\":\"Mix ").append(i)
                    .append("\",\"tracks\":[\"trk_1\",\"trk_2\",\"trk_3\"],\"error\":null}");
        }
        b.append("]}}</script>\n</head>\n<body>\n");
        b.append("""
                  <!-- <div class="banner">Something went wrong. Try again.</div> -->
                  <noscript>This app needs JavaScript.</noscript>
                  <template id="error-banner"><div class="banner" role="alert">Something went wrong. Try again.</div></template>
                  <div class="toast d-none">Something went wrong. Try again.</div>
                  <header class="top"><nav><a href="/">Home</a> <a href="/search">Search</a> <a href="/library">Your Library</a></nav></header>
                  <main id="root">
                """);
        // the rendered markup: cards in shelves, the other half
        for (int i = 0; b.length() < size - 200; i++) {
            b.append("    <section class=\"shelf\" data-shelf=\"").append(i).append("\"><h2>Made for you ").append(i).append("</h2><ul class=\"cards\">");
            for (int j = 0; j < 6; j++) {
                b.append("<li class=\"card\"><a href=\"/playlist/").append(i).append('-').append(j)
                        .append("\"><img src=\"/img/").append(i).append('-').append(j).append(".webp\" alt=\"\" loading=\"lazy\">")
                        .append("<span class=\"card__title\">Daily Mix ").append(j + 1).append("</span>")
                        .append("<span class=\"card__sub\">Artists you play most</span></a></li>");
            }
            b.append("</ul></section>\n");
        }
        b.append("""
                  </main>
                  <script type="module" src="/assets/index-3f2a.js"></script>
                </body>
                </html>
                """);
        return b.toString();
    }
}
