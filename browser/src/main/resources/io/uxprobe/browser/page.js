() => {
  // uxprobe's eyes in a page: runs in an isolated world before the page's own scripts, on every document.
  // It reads the page and finds what a user would act on; it never changes what the page shows, but for masking
  // secrets in a failed step's last look, before its screenshot is taken.
  const vitals = { fcp: null, lcp: null, cls: 0, burst: 0, burstStart: 0, lastShift: 0, interactions: new Map() };

  const observe = (type, each, extra) => {
    try {
      new PerformanceObserver(list => list.getEntries().forEach(each)).observe(Object.assign({ type, buffered: true }, extra));
    } catch (unsupported) { /* a vital this browser does not report stays absent */ }
  };
  observe('paint', e => { if (e.name === 'first-contentful-paint') vitals.fcp = e.startTime; });
  observe('largest-contentful-paint', e => { vitals.lcp = e.startTime; });
  // CLS: the largest burst of shifts not caused by input, a burst ending after a 1 s gap or at 5 s
  observe('layout-shift', e => {
    if (e.hadRecentInput) return;
    if (vitals.burst > 0 && e.startTime - vitals.lastShift < 1000 && e.startTime - vitals.burstStart < 5000) {
      vitals.burst += e.value;
    } else {
      vitals.burst = e.value;
      vitals.burstStart = e.startTime;
    }
    vitals.lastShift = e.startTime;
    vitals.cls = Math.max(vitals.cls, vitals.burst);
  });
  // INP: the slowest interaction, each the longest of its events (few interactions: no percentile to take)
  const interaction = e => {
    if (e.interactionId) vitals.interactions.set(e.interactionId, Math.max(vitals.interactions.get(e.interactionId) || 0, e.duration));
  };
  observe('event', interaction, { durationThreshold: 16 });
  observe('first-input', interaction);

  const fold = s => String(s).toLowerCase().replace(/\s+/g, ' ').trim();
  const shownText = () => (document.body ? document.body.innerText : '') || '';
  const visible = el => {
    if (!el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const all = selector => {
    try {
      return { list: Array.from(document.querySelectorAll(selector)) };
    } catch (e) {
      return { error: 'config', message: '"' + selector + '" is not a valid CSS selector' };
    }
  };
  const firstVisible = selector => {
    const found = all(selector);
    if (found.error) return found;
    return { el: found.list.find(visible), count: found.list.length };
  };
  const glob = pattern => new RegExp('^' + pattern.split(/(\*\*|\*)/).map(p =>
    p === '**' ? '.*' : p === '*' ? '[^/]*' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('') + '$');

  // One look at the page: is the condition met now?
  const check = c => {
    switch (c.kind) {
      case 'text': return { met: fold(shownText()).includes(fold(c.value)) };
      case 'noText': return { met: !fold(shownText()).includes(fold(c.value)) };
      case 'selector': {
        const f = firstVisible(c.value);
        return f.error ? f : { met: !!f.el, count: f.count };
      }
      case 'url': {
        const url = location.href;
        return { met: c.value.includes('*') ? glob(c.value).test(url) : url.includes(c.value), url };
      }
      case 'target': { // something to click or type into: visible, enabled, and not covered by something else
        const f = firstVisible(c.value);
        if (f.error) return f;
        if (!f.el) return { met: false, why: f.count ? 'matches ' + f.count + ' element(s), none visible' : 'matches nothing' };
        if (f.el.disabled) return { met: false, why: 'is disabled' };
        f.el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = f.el.getBoundingClientRect();
        const x = Math.round(r.left + r.width / 2), y = Math.round(r.top + r.height / 2);
        const top = document.elementFromPoint(x, y);
        if (top && top !== f.el && !f.el.contains(top) && !top.contains(f.el)) return { met: false, why: 'is covered by another element' };
        return { met: true, x, y };
      }
      default: return { error: 'config', message: 'unknown condition ' + c.kind };
    }
  };

  // Looks until the condition holds or `ms` pass; the caller looks again (and at error messages) in between.
  const waitFor = async (c, ms) => {
    const end = performance.now() + ms;
    for (;;) {
      const r = check(c);
      if (r.error || r.met || performance.now() >= end) return r;
      await new Promise(ok => setTimeout(ok, 40));
    }
  };

  // The rendered page as HTML for uxprobe's error detector: what the browser does not draw is marked hidden, and
  // styles and scripts are dropped, so the detector reads what the user sees and applies no CSS of its own.
  const renderedHtml = () => {
    const root = document.documentElement;
    if (!root) return '';
    const copy = root.cloneNode(true);
    const a = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    const b = document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT);
    for (let x = a.currentNode, y = b.currentNode; x && y; x = a.nextNode(), y = b.nextNode()) {
      if (x === document.head || document.head && document.head.contains(x)) continue;
      const s = getComputedStyle(x);
      const drawn = s.display !== 'none' && s.visibility !== 'hidden' && s.visibility !== 'collapse' && s.contentVisibility !== 'hidden'
        && (!x.checkVisibility || x.checkVisibility({ visibilityProperty: true }));
      if (!drawn) y.setAttribute('hidden', '');
    }
    copy.querySelectorAll('style, script, link[rel~="stylesheet"]').forEach(n => n.remove());
    return '<!doctype html>' + copy.outerHTML;
  };

  const choose = (selector, option) => {
    const f = firstVisible(selector);
    if (f.error) return f;
    if (!f.el) return { met: false, why: f.count ? 'matches ' + f.count + ' element(s), none visible' : 'matches nothing' };
    if (f.el.tagName !== 'SELECT') return { error: 'config', message: '"' + selector + '" is a <' + f.el.tagName.toLowerCase() + '>, not a <select>' };
    const options = Array.from(f.el.options);
    const o = options.find(o => o.value === option) || options.find(o => fold(o.label) === fold(option));
    if (!o) return { met: false, why: 'has no option "' + option + '" (it has: ' + options.slice(0, 10).map(o => o.label).join(', ') + ')' };
    f.el.value = o.value;
    f.el.dispatchEvent(new Event('input', { bubbles: true }));
    f.el.dispatchEvent(new Event('change', { bubbles: true }));
    return { met: true };
  };

  const commands = {
    waitFor: a => waitFor(a.condition, a.ms),
    choose: a => choose(a.selector, a.option),
    // selects what a field holds, so that typing replaces it
    selectContent: () => {
      const el = document.activeElement;
      if (el && typeof el.select === 'function') el.select();
      else if (el && el.isContentEditable) document.getSelection().selectAllChildren(el);
      return { met: true };
    },
    renderedHtml: () => ({ html: renderedHtml() }),
    shownText: () => ({ text: shownText() }),
    // the run is over: a secret the page shows (or holds in a text field) is masked before the screenshot
    maskSecrets: a => {
      const mask = s => a.secrets.reduce((t, secret) => t.split(secret).join('***'), s);
      const holds = s => a.secrets.some(secret => s.includes(secret));
      let masked = 0;
      const walk = root => {
        const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = texts.nextNode(); n; n = texts.nextNode()) {
          if (holds(n.data)) { n.data = mask(n.data); masked++; }
        }
        root.querySelectorAll('input, textarea').forEach(el => {
          if (el.type !== 'password' && holds(el.value)) { el.value = mask(el.value); masked++; }
        });
        root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) walk(el.shadowRoot); });
      };
      if (document.body) walk(document.body);
      return { masked };
    },
    extract: a => {
      if (a.from === 'url') return { value: location.href };
      const f = firstVisible(a.selector);
      if (f.error) return f;
      const el = f.el || all(a.selector).list[0];
      if (!el) return { missing: '"' + a.selector + '" matches nothing' };
      if (a.from === 'text') return { value: (el.innerText || el.textContent || '').trim() };
      const v = el.getAttribute(a.name);
      return v === null ? { missing: '"' + a.selector + '" has no attribute ' + a.name } : { value: v };
    },
    vitals: () => {
      const nav = performance.getEntriesByType('navigation')[0];
      let inp = null;
      vitals.interactions.forEach(d => { inp = Math.max(inp || 0, d); });
      return {
        url: location.href,
        ttfb: nav && nav.responseStart > 0 ? nav.responseStart : null,
        fcp: vitals.fcp, lcp: vitals.lcp, cls: nav ? vitals.cls : null, inp,
      };
    },
  };
  window.uxprobe = async json => {
    const a = JSON.parse(json);
    return JSON.stringify(await commands[a.command](a));
  };
}
