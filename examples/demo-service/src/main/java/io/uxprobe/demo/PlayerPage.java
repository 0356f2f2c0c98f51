package io.uxprobe.demo;

/**
 * {@code /player}: the web player, plain HTML and JavaScript with no build step. It loads the home shelf and search
 * results from {@code /api/player/*} and, when a call fails, shows the banner users met: "Something went wrong. Try
 * again." The page itself is the same healthy shell whatever the API does, so an HTTP probe of it stays green.
 */
final class PlayerPage {

    private PlayerPage() {}

    static HttpResponse render() {
        return HttpResponse.html(200, HTML);
    }

    private static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>uxprobe music player</title>
            <style>
            body { font: 16px/1.4 system-ui, sans-serif; margin: 0; color: #1d2733; }
            header { background: #1d2733; color: #fff; padding: .8rem 1.2rem; }
            main { padding: 1rem 1.2rem; max-width: 44rem; }
            form { display: flex; gap: .5rem; margin: 1rem 0; }
            input { flex: 1; padding: .4rem; font: inherit; }
            button { padding: .4rem .9rem; font: inherit; }
            ul { padding: 0; list-style: none; }
            li { padding: .4rem 0; border-bottom: 1px solid #dde3ea; }
            .artist { color: #5b6b7c; }
            .banner { background: #fde8e8; color: #8a1c1c; border: 1px solid #e9b4b4; padding: .7rem 1rem; border-radius: 4px; }
            .loading { color: #5b6b7c; }
            </style>
            </head>
            <body>
            <header><b>uxprobe music</b></header>
            <main>
              <div id="error" class="banner" role="alert" hidden></div>
              <form id="search" role="search">
                <input id="q" name="q" type="search" placeholder="Search tracks and artists" aria-label="Search">
                <button type="submit">Search</button>
              </form>
              <section id="shelf" aria-labelledby="shelf-title">
                <h2 id="shelf-title">For you</h2>
                <p class="loading">Loading…</p>
                <ul id="shelf-tracks"></ul>
              </section>
              <section id="results" aria-live="polite" hidden>
                <h2 id="results-title"></h2>
                <ul id="result-tracks"></ul>
              </section>
            </main>
            <script>
            const FAILED = 'Something went wrong. Try again.';
            const el = id => document.getElementById(id);

            function tracks(list, items) {
              list.replaceChildren(...items.map(t => {
                const li = document.createElement('li');
                const artist = document.createElement('span');
                artist.className = 'artist';
                artist.textContent = ' — ' + t.artist;
                li.append(t.title, artist);
                li.dataset.track = t.id;
                return li;
              }));
            }

            function failed() {
              el('error').textContent = FAILED;
              el('error').hidden = false;
            }

            async function api(path) {
              const r = await fetch(path, { headers: { Accept: 'application/json' } });
              if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
              return r.json();
            }

            async function home() {
              try {
                const shelf = await api('/api/player/home');
                el('shelf-title').textContent = shelf.title;
                tracks(el('shelf-tracks'), shelf.tracks);
              } catch (e) {
                console.error(e.message);
                failed();
              } finally {
                document.querySelector('#shelf .loading').remove();
              }
            }

            el('search').addEventListener('submit', async event => {
              event.preventDefault();
              const q = el('q').value.trim();
              if (!q) return;
              el('error').hidden = true;
              try {
                const found = await api('/api/player/search?q=' + encodeURIComponent(q));
                el('results-title').textContent = found.total + (found.total === 1 ? ' track' : ' tracks') + ' for “' + found.query + '”';
                tracks(el('result-tracks'), found.results);
                el('results').hidden = false;
              } catch (e) {
                console.error(e.message);
                failed();
              }
            });

            home();
            </script>
            </body>
            </html>
            """;
}
