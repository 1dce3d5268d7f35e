// whosaid web front end: vanilla JS, no build step, no network beyond this
// server's /api/. Every text from the corpus goes into the page through
// textContent / createTextNode (never innerHTML), and only http(s) links
// leave the app, so corpus text can never become markup or script.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

// h('tag.class', {attr: v, onclick: f}, child, ...): an element; strings
// become text nodes.
function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (k === 'style') Object.assign(el.style, v);  // CSSOM: CSP-safe
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number'
      ? document.createTextNode(String(c)) : c);
  }
  return el;
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

// Internal paths as they are; outside links only when http(s).
function safeHref(v) {
  const s = String(v);
  if (s.startsWith('/') && !s.startsWith('//')) return s;
  if (/^https?:\/\//i.test(s)) return s;
  return '#';
}

function externalLink(url, label) {
  if (!/^https?:\/\//i.test(url || '')) return null;
  return h('a.ext', {href: url, rel: 'noopener noreferrer nofollow', target: '_blank'}, label);
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null) u.set(k, v);
  const s = u.toString();
  return s ? '?' + s : '';
}

async function api(path, params, signal) {
  const res = await fetch('/api/' + path + qs(params || {}), {signal, headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    // Aborted while the body was read (a newer search started): not an error.
    if (e.name === 'AbortError' || (signal && signal.aborted)) throw e;
    body = {error: 'bad response'};
  }
  if (!res.ok) {
    const err = new Error(body && body.error ? body.error : 'HTTP ' + res.status);
    err.status = res.status;
    throw err;
  }
  return body;
}

const main = () => document.getElementById('main');

function setPage(title, ...content) {
  document.title = title ? title + ' · whosaid' : 'whosaid';
  const m = main();
  m.replaceChildren();
  append(m, content);
}

function errorBox(msg) { return h('p.error', {role: 'alert'}, msg); }
function muted(msg) { return h('span.muted', {}, msg); }
function date(d) { return d ? d.slice(0, 10) : 'undated'; }

function speakerLink(name, id, mention) {
  if (!name) return mention ? h('span.unresolved', {title: 'not resolved to a person'}, mention) : muted('unknown speaker');
  return h('a.speaker-link', {href: '/speaker' + qs(id ? {id} : {name})}, name);
}

function meta(...parts) {
  const el = h('div.meta');
  parts.filter(Boolean).forEach((p, i) => { if (i) el.appendChild(document.createTextNode(' · ')); append(el, [p]); });
  return el;
}

// ---------- Search ----------

function snippet(parts) {
  const el = h('span.snippet');
  for (const p of parts || []) append(el, [p.hl ? h('mark', {}, p.text) : p.text]);
  return el;
}

function renderSearch() {
  const params = new URLSearchParams(location.search);
  const state = {
    q: params.get('q') || '', fts: params.get('syntax') === 'fts',
    speaker: params.get('speaker') || '', outlet: params.get('outlet') || '',
    kind: params.get('kind') || '', since: params.get('since') || '', until: params.get('until') || '',
  };
  const input = h('input', {type: 'search', id: 'q', value: state.q, placeholder: 'Search quotes, claims and articles…',
    'aria-label': 'Search', autocomplete: 'off', autofocus: true});
  const fts = h('input', {type: 'checkbox', id: 'fts'});
  fts.checked = state.fts;
  const status = h('p.status', {'aria-live': 'polite'});
  const chips = h('div.chips');
  const facets = h('aside.facets', {'aria-label': 'Filters'});
  const results = h('div.results');
  let controller = null, timer = null;

  function syncUrl() {
    const p = {q: state.q, syntax: state.fts ? 'fts' : '', speaker: state.speaker, outlet: state.outlet,
      kind: state.kind, since: state.since, until: state.until};
    history.replaceState(null, '', '/search' + qs(p));
  }

  function renderChips() {
    chips.replaceChildren();
    for (const k of ['speaker', 'outlet', 'kind', 'since', 'until']) {
      if (!state[k]) continue;
      chips.appendChild(h('button.chip', {type: 'button', title: 'Remove filter',
        onclick: () => { state[k] = ''; run(); }}, k + ': ' + state[k] + ' ×'));
    }
  }

  function facetList(title, items, onPick) {
    if (!items || !items.length) return null;
    return h('section.facet', {}, h('h3', {}, title),
      h('ul', {}, items.map(it => h('li', {}, h('button.linklike', {type: 'button', onclick: () => onPick(it.key)},
        it.key), ' ', muted(String(it.n))))));
  }

  function hitCard(hit) {
    const links = [];
    links.push(h('a', {href: '/article/' + hit.doc_row}, hit.title || hit.doc_id || 'article'));
    if (hit.cluster) links.push(h('a', {href: '/cluster/' + hit.cluster}, 'all outlets'));
    return h('li.hit.hit-' + hit.target, {},
      hit.target !== 'document' && hit.speaker ? h('div.who', {}, speakerLink(hit.speaker),
        hit.kind ? h('span.kind', {}, hit.kind) : null) : null,
      h('div', {}, snippet(hit.snippet)),
      meta(hit.outlet || null, date(hit.published), ...links));
  }

  function showFacets(f) {
    facets.replaceChildren();
    append(facets, [
      h('p.facet-scope', {id: 'facet-scope'}, f.scope === 'corpus'
        ? 'Counts over all ' + f.total + ' matches' : 'Counts over the results shown'),
      facetList('Speaker', f.speaker, k => { state.speaker = k; run(); }),
      facetList('Outlet', f.outlet, k => { state.outlet = k; run(); }),
      facetList('Kind', f.kind, k => { state.kind = k; run(); }),
      facetList('Month', f.month, k => { state.since = k + '-01'; state.until = k + '-31'; run(); }),
    ]);
  }

  async function run() {
    renderChips();
    syncUrl();
    if (controller) controller.abort();
    if (!state.q.trim()) {
      status.textContent = 'Type to search. Words match as you type; tick FTS for "phrases", OR, NOT, prefix*.';
      results.replaceChildren();
      facets.replaceChildren();
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    const t0 = performance.now();
    const params = {q: state.q, syntax: state.fts ? 'fts' : 'words', speaker: state.speaker,
      outlet: state.outlet, kind: state.kind, since: state.since, until: state.until, limit: 20};
    try {
      const data = await api('search', params, signal);
      if (signal.aborted) return;  // a newer search owns the page
      const r = data.results;
      const n = (r.quotes || []).length + (r.claims || []).length + (r.documents || []).length;
      const sampled = Object.entries(data.ranked_among || {});
      status.textContent = n + ' results in ' + Math.round(performance.now() - t0) + ' ms' +
        (sampled.length ? ' (best of the newest ' + sampled.map(([k, v]) => v + ' ' + k).join(', ') + ' matches)' : '');
      status.classList.remove('bad');
      results.replaceChildren();
      const sections = [['quotes', 'Quotes'], ['claims', 'Claims'], ['documents', 'Articles']];
      for (const [key, title] of sections) {
        if (!r[key]) continue;
        results.appendChild(h('section.result-group', {id: 'results-' + key}, h('h2', {}, title + ' ', muted('(' + r[key].length + ')')),
          r[key].length ? h('ol.hits', {}, r[key].map(hitCard)) : muted('none')));
      }
      // Facets of the hits shown at once; the counts over every match follow
      // (/api/facets) so that the hits never wait for them.
      showFacets(data.facets);
      // A failed count keeps the page facets: the hits are already shown.
      const all = await api('facets', params, signal).catch(e => {
        if (e.name === 'AbortError') throw e;
        return {};
      });
      if (signal.aborted) return;
      if (all.facets && all.facets.scope === 'corpus') showFacets(all.facets);
    } catch (e) {
      if (e.name === 'AbortError' || signal.aborted) return;
      status.textContent = e.message;
      status.classList.add('bad');
      status.setAttribute('role', 'alert');
    }
  }

  input.addEventListener('input', () => {
    state.q = input.value;
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  fts.addEventListener('change', () => { state.fts = fts.checked; run(); });
  setPage('Search',
    h('form.searchbar', {role: 'search', onsubmit: e => { e.preventDefault(); state.q = input.value; run(); }},
      input, h('label.fts', {for: 'fts'}, fts, ' FTS syntax')),
    chips, status, h('div.search-layout', {}, results, facets));
  input.focus();
  run();
}

// ---------- Article ----------

function spanOk(s) { return Array.isArray(s) && s[0] < s[1]; }

// view 'clean': the stored text and its spans; 'original': the input as the
// cleaner read it (doc.original) and the orig_* spans mapped into it.
function renderArticleText(doc, onPick, view) {
  const orig = view === 'original';
  const cps = Array.from(orig ? doc.original : doc.text);  // offsets are code points
  const marks = [];
  const pre = orig ? 'orig_' : '';
  for (const q of doc.quotes) {
    for (const [key, cls] of [['content_span', 'q-content'], ['cue_span', 'q-cue'], ['speaker_span', 'q-speaker']]) {
      const sp = q[pre + key];
      if (spanOk(sp)) marks.push({b: sp[0], e: sp[1], cls, quote: q.id});
    }
  }
  for (const c of doc.claims) {
    const sp = c[pre + 'span'];
    if (spanOk(sp)) marks.push({b: sp[0], e: sp[1], cls: 'claim', claim: c.id});
  }
  const cuts = new Set([0, cps.length]);
  for (const m of marks) { cuts.add(Math.min(m.b, cps.length)); cuts.add(Math.min(m.e, cps.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = h('div.article-text' + (orig ? '.original' : ''), {id: 'article-text', 'data-view': orig ? 'original' : 'clean'});
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = cps.slice(a, b).join('');
    const active = marks.filter(m => m.b <= a && m.e >= b);
    if (!active.length) { body.appendChild(document.createTextNode(text)); continue; }
    const el = h('span', {'data-begin': a, 'data-end': b, tabindex: 0});
    el.className = [...new Set(active.map(m => m.cls))].join(' ');
    const q = active.find(m => m.quote !== undefined);
    const c = active.find(m => m.claim !== undefined);
    if (q) el.dataset.quote = q.quote;
    if (c) el.dataset.claim = c.claim;
    el.textContent = text;
    el.addEventListener('click', () => onPick(q ? q.quote : null, c ? c.claim : null, el));
    el.addEventListener('mouseenter', () => onPick(q ? q.quote : null, c ? c.claim : null, el));
    el.addEventListener('keydown', e => { if (e.key === 'Enter') onPick(q ? q.quote : null, c ? c.claim : null, el); });
    body.appendChild(el);
  }
  return body;
}

function claimValue(c) {
  const fmtn = x => Number(x).toLocaleString('en-US', {maximumFractionDigits: 3});
  const v = c.is_range ? fmtn(c.low) + '–' + fmtn(c.high) : fmtn(c.value);
  return (c.approx ? c.approx + ' ' : '') + v;
}

// "4,000 tonnes of fish": the value with what it counts (or its unit).
function claimPhrase(c) {
  return claimValue(c) + (c.counted ? ' ' + c.counted : c.unit ? ' ' + c.unit : '');
}

function quoteDetails(q) {
  return h('div.detail', {},
    h('h3', {}, 'Quote'),
    h('dl', {},
      h('dt', {}, 'Speaker'), h('dd', {}, speakerLink(q.speaker, q.speaker_id, q.mention)),
      q.mention && q.mention !== q.speaker ? [h('dt', {}, 'Written as'), h('dd', {}, q.mention)] : null,
      h('dt', {}, 'Relation'), h('dd', {}, (q.kind || 'quote') + (q.cue ? ' · cue “' + q.cue + '”' : '')),
      q.cluster ? [h('dt', {}, 'Carried by'), h('dd', {}, h('a', {href: '/cluster/' + q.cluster}, 'each outlet quoting it'))] : null),
    h('blockquote', {}, q.content));
}

function claimDetails(c) {
  return h('div.detail', {},
    h('h3', {}, 'Claim'),
    h('dl', {},
      h('dt', {}, 'Value'), h('dd', {}, claimValue(c)),
      c.unit ? [h('dt', {}, 'Unit'), h('dd', {}, c.unit)] : null,
      c.counted ? [h('dt', {}, 'Of'), h('dd', {}, c.counted)] : null,
      h('dt', {}, 'Source'), h('dd', {}, c.source || muted('not stated')),
      c.group ? [h('dt', {}, 'Compare'), h('dd', {}, h('a', {href: '/claims' + qs({key: c.group})}, 'other sources'))] : null),
    h('blockquote', {}, c.text));
}

async function renderArticle(row) {
  let doc;
  try {
    doc = await api('document/' + encodeURIComponent(row));
  } catch (e) { setPage('Article', errorBox(e.message)); return; }
  const quotes = new Map(doc.quotes.map(q => [q.id, q]));
  const claims = new Map(doc.claims.map(c => [c.id, c]));
  const panel = h('div.panel', {id: 'detail', 'aria-live': 'polite'}, muted('Point at or click a highlight to see who said it.'));
  let selected = null;
  const pick = (qid, cid, el) => {
    panel.replaceChildren(h('button.close', {type: 'button', 'aria-label': 'Close',
      onclick: () => panel.classList.remove('active')}, '×'));
    panel.classList.add('active');
    if (qid !== null && quotes.has(qid)) panel.appendChild(quoteDetails(quotes.get(qid)));
    if (cid !== null && claims.has(cid)) panel.appendChild(claimDetails(claims.get(cid)));
    if (selected) selected.classList.remove('selected');
    selected = el; el.classList.add('selected');
  };
  const legend = h('p.legend', {},
    h('span.q-content', {}, 'quoted words'), ' ', h('span.q-cue', {}, 'cue'), ' ',
    h('span.q-speaker', {}, 'speaker'), ' ', h('span.claim', {}, 'number claim'));
  const side = h('aside.article-side', {},
    panel,
    h('h3', {}, 'Quotes (' + doc.quotes.length + ')'),
    h('ol.side-list', {}, doc.quotes.map(q => h('li', {}, speakerLink(q.speaker, q.speaker_id, q.mention), ': ',
      h('span.side-quote', {}, q.content.length > 140 ? q.content.slice(0, 140) + '…' : q.content)))),
    doc.claims.length ? [h('h3', {}, 'Claims (' + doc.claims.length + ')'),
      h('ol.side-list', {}, doc.claims.map(c => h('li', {}, h('b', {}, claimPhrase(c)),
        c.source ? [' — ', h('i', {}, c.source)] : '')))] : null);
  // The toggle between the clean text and the original input, when kept.
  let view = 'clean';
  const textBox = h('div.text-box', {}, renderArticleText(doc, pick, view));
  let toggle = null;
  if (typeof doc.original === 'string' && doc.original !== doc.text) {
    toggle = h('button.toggle', {type: 'button', id: 'view-toggle', 'aria-pressed': 'false',
      title: 'Show where each fact stood in the article as it came in, before cleaning'}, 'Show original page');
    toggle.addEventListener('click', () => {
      view = view === 'clean' ? 'original' : 'clean';
      toggle.setAttribute('aria-pressed', String(view === 'original'));
      toggle.textContent = view === 'original' ? 'Show clean text' : 'Show original page';
      selected = null;
      textBox.replaceChildren(renderArticleText(doc, pick, view));
    });
  }
  setPage(doc.title || 'Article',
    h('article.doc', {},
      h('h1', {}, doc.title || doc.doc_id),
      meta(doc.outlet || null, date(doc.published), doc.author ? 'by ' + doc.author : null,
        externalLink(doc.url, 'original')),
      doc.duplicate_of ? h('p.note', {}, 'A ' + (doc.duplicate_kind || '') + ' duplicate of ',
        h('a', {href: '/article/' + doc.duplicate_of}, 'another article'), '; its attributions are shown.') : null,
      h('div.article-tools', {}, legend, toggle),
      h('div.article-layout', {}, textBox, side)));
}

// ---------- Speaker ----------

// Every month from the first to the last (at most 20 years), zeros too,
// so the horizontal axis is time.
function fillMonths(points) {
  if (!points.length) return points;
  const have = new Map(points.map(p => [p.month, p.n]));
  let [y, m] = points[0].month.split('-').map(Number);
  const last = points[points.length - 1].month;
  const out = [];
  for (let k = 0; k < 240; k++) {
    const key = String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0');
    out.push({month: key, n: have.get(key) || 0});
    if (key >= last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function timelineChart(raw) {
  const w = 640, hgt = 140, pad = 24;
  if (!raw.length) return muted('no dated quotes');
  const points = fillMonths(raw);
  const max = Math.max(...points.map(p => p.n));
  const bw = Math.max(2, (w - 2 * pad) / points.length - 2);
  const chart = svg('svg', {viewBox: `0 0 ${w} ${hgt}`, class: 'chart', role: 'img', 'aria-label': 'Quotes per month'});
  chart.appendChild(svg('line', {x1: pad, y1: hgt - pad, x2: w - pad, y2: hgt - pad, class: 'axis'}));
  points.forEach((p, i) => {
    const bh = (hgt - 2 * pad) * p.n / max;
    const x = pad + i * ((w - 2 * pad) / points.length) + 1;
    if (p.n) {
      chart.appendChild(svg('rect', {x, y: hgt - pad - bh, width: bw, height: bh, class: 'bar'},
        svg('title', {}, p.month + ': ' + p.n + ' quotes')));
      if (bw >= 14) chart.appendChild(svg('text', {x: x + bw / 2, y: hgt - pad - bh - 3, class: 'tick', 'text-anchor': 'middle'}, String(p.n)));
    }
  });
  chart.appendChild(svg('text', {x: pad, y: hgt - 6, class: 'tick'}, points[0].month));
  if (points.length > 1) chart.appendChild(svg('text', {x: w - pad, y: hgt - 6, class: 'tick', 'text-anchor': 'end'}, points[points.length - 1].month));
  chart.appendChild(svg('text', {x: pad, y: 14, class: 'tick'}, 'max ' + max + '/month'));
  return chart;
}

async function renderSpeaker() {
  const p = new URLSearchParams(location.search);
  let sp;
  try {
    sp = await api('speaker', {id: p.get('id') || '', name: p.get('name') || ''});
  } catch (e) { setPage('Speaker', errorBox(e.message)); return; }
  const maxOutlet = Math.max(1, ...sp.outlets.map(o => o.n));
  setPage(sp.name,
    h('h1', {}, sp.name),
    sp.roles.length ? h('p.roles', {}, sp.roles.map(r => h('span.role', {}, r))) : null,
    h('p.meta', {}, sp.total_quotes + ' quotes in ' + sp.documents + ' articles from ' + sp.outlets.length + ' outlets'),
    h('div.speaker-layout', {},
      h('section', {}, h('h2', {}, 'Over time'), timelineChart(sp.timeline)),
      h('section', {}, h('h2', {}, 'Top outlets'), h('ul.bars', {}, sp.outlets.map(o => h('li', {},
        h('span.bar-label', {}, o.outlet || 'unknown'),
        h('span.bar-track', {}, h('span.bar-fill', {style: {width: Math.round(100 * o.n / maxOutlet) + '%'}})),
        h('span.bar-n', {}, String(o.n))))))),
    h('h2', {}, 'Quotes', sp.quotes.length < sp.total_quotes ? muted(' (the first ' + sp.quotes.length + ' of ' + sp.total_quotes + ')') : null),
    h('ol.quotes', {id: 'speaker-quotes'}, sp.quotes.map(q => h('li.quote', {},
      h('blockquote', {}, q.content),
      meta(q.outlet || null, date(q.published), q.kind, h('a', {href: '/article/' + q.doc_row}, q.title || 'article'),
        q.cluster && q.cluster_outlets > 1 ? h('a', {href: '/cluster/' + q.cluster}, 'carried by ' + q.cluster_outlets + ' outlets') : null)))));
}

async function renderSpeakers() {
  let data;
  try { data = await api('speakers', {limit: 100}); } catch (e) { setPage('Speakers', errorBox(e.message)); return; }
  setPage('Speakers', h('h1', {}, 'Speakers'),
    h('table.list', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Roles'), h('th.num', {}, 'Quotes'),
      h('th.num', {}, 'Articles'), h('th.num', {}, 'Outlets'))),
      h('tbody', {}, data.speakers.map(s => h('tr', {}, h('td', {}, speakerLink(s.name, s.id)), h('td', {}, s.roles.join(', ')),
        h('td.num', {}, String(s.quotes)), h('td.num', {}, String(s.documents)), h('td.num', {}, String(s.outlets)))))));
}

// ---------- Quote cluster ----------

// Word diff (LCS) of b against a: [{t, op: '='|'+'|'-'}]. Long quotes are
// capped so the table stays small.
function wordDiff(a, b) {
  const A = a.split(/\s+/).filter(Boolean).slice(0, 400), B = b.split(/\s+/).filter(Boolean).slice(0, 400);
  const norm = w => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const n = A.length, m = B.length;
  const L = Array.from({length: n + 1}, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
    L[i][j] = norm(A[i]) === norm(B[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (norm(A[i]) === norm(B[j])) { out.push({t: B[j], op: '='}); i++; j++; }
    else if (L[i + 1][j] >= L[i][j + 1]) out.push({t: A[i++], op: '-'});
    else out.push({t: B[j++], op: '+'});
  }
  while (i < n) out.push({t: A[i++], op: '-'});
  while (j < m) out.push({t: B[j++], op: '+'});
  return out;
}

function diffView(ops) {
  const el = h('p.diff');
  ops.forEach((o, k) => {
    if (k) el.appendChild(document.createTextNode(' '));
    el.appendChild(o.op === '=' ? document.createTextNode(o.t) : h(o.op === '+' ? 'ins' : 'del', {}, o.t));
  });
  return el;
}

async function renderCluster(id) {
  let c;
  try { c = await api('cluster/' + encodeURIComponent(id)); } catch (e) { setPage('Quote', errorBox(e.message)); return; }
  const first = c.members[0];
  setPage('Quote',
    h('h1', {}, 'One quote, ' + c.outlets + ' outlet' + (c.outlets === 1 ? '' : 's')),
    h('p.legend', {}, 'Wording against the first appearance: ', h('ins', {}, 'added'), ' ', h('del', {}, 'left out')),
    h('ol.cluster', {id: 'cluster-members'}, c.members.map((q, k) => h('li.member', {},
      h('div.who', {}, speakerLink(q.speaker, q.speaker_id), k === 0 ? h('span.first', {}, 'first appearance') : null),
      k === 0 ? h('blockquote', {}, q.content) : diffView(wordDiff(first.content, q.content)),
      meta(q.outlet || null, date(q.published), h('a', {href: '/article/' + q.doc_row}, q.title || 'article'))))));
}

// ---------- Claims ----------

function claimsChart(g) {
  const rows = g.claims;
  const w = 640, rowH = 30, pad = 150, top = 10;
  const hgt = top + rows.length * rowH + 24;
  const lo = Math.min(0, ...rows.map(c => c.low)), hi = Math.max(...rows.map(c => c.high), lo + 1);
  const x = v => pad + (w - pad - 20) * (v - lo) / (hi - lo);
  const chart = svg('svg', {viewBox: `0 0 ${w} ${hgt}`, class: 'chart', role: 'img', 'aria-label': 'Values by source'});
  rows.forEach((c, i) => {
    const y = top + i * rowH + rowH / 2;
    const label = (c.source || c.outlet || '?');
    chart.appendChild(svg('text', {x: pad - 8, y: y + 4, 'text-anchor': 'end', class: 'tick'}, label.length > 22 ? label.slice(0, 21) + '…' : label));
    chart.appendChild(svg('line', {x1: x(lo), y1: y, x2: x(c.low), y2: y, class: 'guide'}));
    if (c.is_range && c.high > c.low) chart.appendChild(svg('line', {x1: x(c.low), y1: y, x2: x(c.high), y2: y, class: 'range'}));
    chart.appendChild(svg('circle', {cx: x(c.value), cy: y, r: 5, class: 'dot'}, svg('title', {}, claimPhrase(c) + ' — ' + label)));
    const right = x(c.high) > w - 90;
    chart.appendChild(svg('text', {x: right ? x(c.low) - 9 : x(c.high) + 9, y: y + 4, class: 'tick value',
      'text-anchor': right ? 'end' : 'start'}, claimValue(c)));
  });
  const base = top + rows.length * rowH + 4;
  chart.appendChild(svg('line', {x1: x(lo), y1: base, x2: x(hi), y2: base, class: 'axis'}));
  const num = v => Number(v).toLocaleString('en-US');
  chart.appendChild(svg('text', {x: x(lo), y: base + 16, class: 'tick'}, num(lo)));
  chart.appendChild(svg('text', {x: x(hi), y: base + 16, class: 'tick', 'text-anchor': 'end'}, num(hi) + (g.unit ? ' ' + g.unit : '')));
  return chart;
}

async function renderClaims() {
  const key = new URLSearchParams(location.search).get('key') || '';
  let data;
  try { data = await api('claims', key ? {key} : {limit: 30}); } catch (e) { setPage('Claims', errorBox(e.message)); return; }
  setPage('Claims', h('h1', {}, key ? 'One quantity, several sources' : 'Numbers that disagree'),
    data.groups.length ? null : muted('No quantity is stated differently by two outlets in this corpus.'),
    data.groups.map(g => h('section.claim-group', {},
      h('h2', {}, h('a', {href: '/claims' + qs({key: g.key})}, g.counted || g.key), g.unit ? muted(' (' + g.unit + ')') : null),
      g.context && g.context.length ? h('p.event', {}, 'About: ', g.context.join(', '), ' · ',
        !g.from ? 'undated' : g.from === g.to ? g.from : g.from + ' to ' + g.to) : null,
      h('div.claim-layout', {}, claimsChart(g),
        h('table.list', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Value'), h('th', {}, 'Source'), h('th', {}, 'Outlet'), h('th', {}, 'Date'))),
          h('tbody', {}, g.claims.map(c => h('tr', {}, h('td', {}, h('b', {}, claimValue(c))),
            h('td', {}, c.source || muted('not stated')),
            h('td', {}, h('a', {href: '/article/' + c.doc_row}, c.outlet || c.title || 'article')),
            h('td', {}, date(c.published))))))))));
}

// ---------- Router ----------

async function loadStats() {
  try {
    const s = await api('stats');
    document.getElementById('stats').textContent =
      s.documents + ' articles · ' + s.quotes + ' quotes · ' + s.speakers + ' speakers · ' + s.outlets + ' outlets';
  } catch (e) { /* the page itself shows errors */ }
}

function route() {
  const path = location.pathname;
  const nav = path.startsWith('/speaker') ? 'speakers' : path.startsWith('/claims') ? 'claims' : 'search';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.nav === nav));
  let m;
  if (path === '/' || path === '/search') return renderSearch();
  if ((m = path.match(/^\/article\/(\d+)$/))) return renderArticle(m[1]);
  if ((m = path.match(/^\/cluster\/(\d+)$/))) return renderCluster(m[1]);
  if (path === '/speaker') return renderSpeaker();
  if (path === '/speakers') return renderSpeakers();
  if (path === '/claims') return renderClaims();
  setPage('Not found', errorBox('No such page.'));
}

document.addEventListener('DOMContentLoaded', () => { loadStats(); route(); });
