package io.uxprobe.agent.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's only style and script, inline (no build step, no external asset), and a Content-Security-Policy that
 * allows exactly these two by hash: were escaping ever to miss, an injected script would still not run.
 */
final class PageAssets {

    static final String CSS = """
            :root{--up:#1a7f37;--degraded:#9a6700;--down:#cf222e;--pending:#6e7781;--line:#d0d7de;--muted:#57606a}
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            header,main{max-width:64rem;margin:0 auto;padding:.5rem .75rem}
            h1{font-size:1.3rem;margin:.25rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}h3{font-size:.95rem;margin:.25rem 0}
            .meta,.sum,.streak,.none,.when{color:var(--muted);font-size:.85rem}
            #stale{background:#fff8c5;border:1px solid #d4a72c;padding:.4rem .6rem;border-radius:6px}
            .overall{font-weight:600;padding:.5rem .75rem;border-radius:6px;color:#fff;margin:.25rem 0 .75rem}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
            .badge{display:inline-block;font-weight:600;color:#fff;border-radius:1rem;padding:0 .55rem;white-space:nowrap}
            .s-up{background:var(--up)}.s-degraded{background:var(--degraded)}.s-down{background:var(--down)}.s-pending{background:var(--pending)}
            td.c-down{background:#ffebe9;border-left:4px solid var(--down)}td.c-degraded{background:#fff8c5;border-left:4px solid var(--degraded)}
            .failure{margin-top:.3rem}table.grid td{font-size:.9rem}
            q{display:block;font-style:normal;background:#fff;border-left:3px solid var(--down);padding:.2rem .4rem;margin-top:.2rem;overflow-wrap:anywhere}
            .journey{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:.75rem 0}
            .regions{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem}
            svg.spark{width:100%;height:48px;display:block;background:#f6f8fa}
            .p-dns{fill:#8e7cc3;background:#8e7cc3}.p-connect{fill:#e69138;background:#e69138}.p-tls{fill:#c27ba0;background:#c27ba0}
            .p-request{fill:#76a5af;background:#76a5af}.p-ttfb{fill:#3d85c6;background:#3d85c6}.p-transfer{fill:#6aa84f;background:#6aa84f}
            .p-other{fill:#b7b7b7;background:#b7b7b7}.fail{fill:var(--down);background:var(--down)}
            .legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.2rem .8rem;font-size:.8rem;color:var(--muted)}
            .legend i{display:inline-block;width:.8em;height:.8em;margin-right:.25em;vertical-align:-.05em}
            tr.r-fail td{background:#fff5f5}
            .bad{color:var(--down);font-weight:600}.good{color:var(--up)}
            .detail{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}.evidence{font-size:.85rem}img.shot{max-width:min(100%,24rem);border:1px solid var(--muted);margin-top:.2rem}
            summary{cursor:pointer;margin-top:.5rem}
            """;

    /** Relative times every few seconds; the board re-fetched and swapped in place, keeping open histories open. */
    static final String JS = """
            (() => {
              const board = () => document.getElementById('board');
              const every = Number(board().dataset.refresh) * 1000;
              const words = s => s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min' : s < 172800 ? Math.floor(s / 3600) + ' h' : Math.floor(s / 86400) + ' d';
              const age = iso => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
              function relative() {
                for (const t of document.querySelectorAll('[data-ago]')) t.textContent = age(t.dataset.ago) < 5 ? 'just now' : words(age(t.dataset.ago)) + ' ago';
                for (const t of document.querySelectorAll('[data-for]')) t.textContent = '(for ' + words(age(t.dataset.for)) + ')';
              }
              async function refresh() {
                const stale = document.getElementById('stale');
                try {
                  const r = await fetch(location.pathname, { cache: 'no-store' });
                  if (!r.ok) throw new Error('HTTP ' + r.status);
                  const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
                  const next = doc.getElementById('board');
                  for (const d of next.querySelectorAll('details[id]')) { const now = document.getElementById(d.id); if (now) d.open = now.open; }
                  board().replaceWith(next);
                  document.title = doc.title;
                  stale.hidden = true;
                } catch (e) {
                  stale.textContent = 'Cannot reach the agent (' + e.message + '): this page may be out of date.';
                  stale.hidden = false;
                }
                relative();
              }
              relative();
              setInterval(relative, 5000);
              if (every > 0) setInterval(refresh, every);
            })();
            """;

    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; connect-src 'self'; img-src data: 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private PageAssets() {}

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
