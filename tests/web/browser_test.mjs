// Real-browser test of the whosaid web app (run by browser_test.sh against a
// server on 127.0.0.1 with the fixture corpus). Loads every page at laptop
// and phone widths, searches by typing, clicks through to an article, checks
// that each highlight covers exactly the code points its offsets name, and
// that the hostile article runs nothing and shows its markup as text.
// Any request to another host, any dialog and any page error fail the test.
import {chromium} from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOT_DIR;
const LAPTOP = {width: 1280, height: 800};
const PHONE = {width: 390, height: 844};

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else { failed++; console.log('FAIL: ' + name + (detail ? ' — ' + detail : '')); }
}

fs.rmSync(process.env.USER_DATA_DIR, {recursive: true, force: true});
const context = await chromium.launchPersistentContext(process.env.USER_DATA_DIR, {
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: LAPTOP,
});
const dialogs = [], pageErrors = [], foreign = [], consoleErrors = [];
const origin = new URL(BASE).origin;
await context.route('**/*', route => {
  const u = route.request().url();
  if (u.startsWith(origin + '/') || u.startsWith('data:')) return route.continue();
  foreign.push(u);
  return route.abort();
});
const page = context.pages()[0] || await context.newPage();
page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
page.on('pageerror', e => pageErrors.push(String(e)));
// The deliberate FTS syntax error logs its 400; anything else is an error.
page.on('console', m => { if (m.type() === 'error' && !/status of 400/.test(m.text())) consoleErrors.push(m.text()); });

async function shot(name) {
  for (const [tag, vp] of [['laptop', LAPTOP], ['phone', PHONE]]) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(100);
    await page.screenshot({path: path.join(SHOTS, `${name}-${tag}.png`), fullPage: true});
  }
  await page.setViewportSize(LAPTOP);
}
async function apiJson(p) {
  return page.evaluate(async p => (await fetch(p)).json(), p);
}

try {
  // ---- search, typed as a person would ----
  await page.goto(BASE + '/search');
  await page.locator('input[type=search]').pressSequentially('fishing boa', {delay: 30});
  await page.waitForSelector('#results-quotes .hit', {timeout: 5000});
  const marks = await page.locator('#results-quotes mark, #results-documents mark').allTextContents();
  check('search highlights the typed words', marks.some(m => /fishing|boa/i.test(m)), JSON.stringify(marks));
  check('search URL follows the box', (await page.url()).includes('q=fishing+boa'));
  check('facets shown', await page.locator('.facets .facet').count() >= 2);
  // The counts over every match (/api/facets) replace the page's own.
  await page.waitForFunction(() => /Counts over all \d+ matches/.test(
    (document.querySelector('#facet-scope') || {}).textContent || ''), null, {timeout: 5000});
  check('facets counted over every match', true);
  await shot('search');

  // facet: pick a speaker
  await page.locator('.facets button', {hasText: 'Ines Duarte'}).first().click();
  await page.waitForSelector('.chip');
  await page.waitForFunction(() => !document.querySelector('#results-documents'));
  const speakers = await page.locator('#results-quotes .speaker-link').allTextContents();
  check('speaker facet filters quotes', speakers.length > 0 && speakers.every(s => s === 'Ines Duarte'), JSON.stringify(speakers));
  await page.locator('.chip').first().click();
  await page.waitForSelector('#results-documents');

  // FTS syntax error: a message, no crash
  await page.locator('#fts').check();
  await page.locator('input[type=search]').fill('"unclosed');
  await page.waitForSelector('.status.bad');
  const err = await page.locator('.status.bad').textContent();
  check('FTS syntax error shown as a message', /not valid FTS5 syntax/.test(err), err);
  await page.locator('#fts').uncheck();

  // ---- click through to an article ----
  await page.locator('input[type=search]').fill('pier');
  await page.waitForSelector('#results-quotes .hit');
  await page.waitForFunction(() => !document.querySelector('.status.bad'));
  await Promise.all([page.waitForURL(/\/article\/\d+$/), page.locator('#results-quotes .hit a[href^="/article/"]').first().click()]);
  await page.waitForSelector('#article-text');
  const row = page.url().match(/\/article\/(\d+)$/)[1];
  const doc = await apiJson('/api/document/' + row);
  // Every highlight covers exactly the code points its offsets name.
  const spans = await page.$$eval('#article-text span[data-begin]', els => els.map(e => ({
    b: +e.dataset.begin, e: +e.dataset.end, cls: e.className, text: e.textContent})));
  const cps = Array.from(doc.text);
  const covered = (cls, b, e) => {
    const parts = spans.filter(s => s.cls.split(' ').includes(cls) && s.b >= b && s.e <= e).sort((x, y) => x.b - y.b);
    let at = b, text = '';
    for (const p of parts) { if (p.b !== at) return null; at = p.e; text += p.text; }
    return at === e ? text : null;
  };
  let exact = 0, total = 0;
  for (const q of doc.quotes) {
    for (const [cls, span] of [['q-content', q.content_span], ['q-cue', q.cue_span], ['q-speaker', q.speaker_span]]) {
      if (!span || span[0] >= span[1]) continue;
      total++;
      const got = covered(cls, span[0], span[1]);
      if (got !== null && got === cps.slice(span[0], span[1]).join('')) exact++;
      else console.log('  mismatch', cls, span, JSON.stringify(got));
    }
  }
  for (const c of doc.claims) {
    total++;
    const got = covered('claim', c.span[0], c.span[1]);
    if (got === c.text) exact++; else console.log('  mismatch claim', c.span, JSON.stringify(got));
  }
  check('article has quote highlights', doc.quotes.length > 0 && total > doc.quotes.length);
  check(`every highlight sits on its offsets (${exact}/${total})`, exact === total);
  const whole = await page.locator('#article-text').textContent();
  check('article text shown whole and unchanged', whole === doc.text);
  // Styles differ by more than colour.
  const style = await page.evaluate(() => {
    const get = sel => { const el = document.querySelector('#article-text ' + sel); if (!el) return null;
      const s = getComputedStyle(el); return s.textDecorationLine + '/' + s.textDecorationStyle + '/' + s.fontWeight + '/' + s.borderBottomStyle; };
    return {content: get('.q-content'), cue: get('.q-cue'), speaker: get('.q-speaker'), claim: get('.claim')};
  });
  const vals = Object.values(style).filter(Boolean);
  check('content, cue, speaker, claim differ without colour', new Set(vals).size === vals.length && vals.length >= 3, JSON.stringify(style));
  await page.locator('#article-text .q-speaker').first().hover();
  await page.waitForSelector('#detail .detail');
  const detail = await page.locator('#detail').textContent();
  check('hover shows speaker and relation', /Speaker/.test(detail) && /Relation/.test(detail), detail);
  await page.locator('#article-text .claim').first().click();
  check('click on a claim shows value and source', /Value[\s\S]*Source/.test(await page.locator('#detail').textContent()));
  await shot('article');

  // ---- the original page toggle ----
  const raw = await apiJson('/api/document?id=lighthouse-raw');
  check('a cleaned article keeps its original input', typeof raw.original === 'string' && raw.original !== raw.text
    && raw.original.includes('Share this article') && !raw.text.includes('Share this article'));
  await page.goto(BASE + '/article/' + raw.doc_row);
  await page.waitForSelector('#article-text[data-view="clean"]');
  check('article opens on the clean text', (await page.locator('#article-text').textContent()) === raw.text);
  await page.locator('#view-toggle').click();
  await page.waitForSelector('#article-text[data-view="original"]');
  check('toggle shows the original input whole', (await page.locator('#article-text').textContent()) === raw.original);
  check('toggle says it is pressed', (await page.locator('#view-toggle').getAttribute('aria-pressed')) === 'true');
  const ocps = Array.from(raw.original);
  const ospans = await page.$$eval('#article-text span[data-begin]', els => els.map(e => ({
    b: +e.dataset.begin, e: +e.dataset.end, cls: e.className, text: e.textContent})));
  const ocovered = (cls, b, e) => {
    const parts = ospans.filter(s => s.cls.split(' ').includes(cls) && s.b >= b && s.e <= e).sort((x, y) => x.b - y.b);
    let at = b, text = '';
    for (const p of parts) { if (p.b !== at) return null; at = p.e; text += p.text; }
    return at === e ? text : null;
  };
  let oexact = 0, ototal = 0, moved = 0;
  for (const q of raw.quotes) {
    for (const [cls, key] of [['q-content', 'content_span'], ['q-cue', 'cue_span'], ['q-speaker', 'speaker_span']]) {
      const clean = q[key], orig = q['orig_' + key];
      if (!clean || clean[0] >= clean[1]) continue;
      ototal++;
      if (!orig) continue;
      if (orig[0] !== clean[0]) moved++;
      // The highlight covers, in the original, exactly the words it covers in the clean text.
      const want = Array.from(raw.text).slice(clean[0], clean[1]).join('');
      const got = ocovered(cls, orig[0], orig[1]);
      if (got === want && ocps.slice(orig[0], orig[1]).join('') === want) oexact++;
      else console.log('  original mismatch', cls, orig, JSON.stringify(got), JSON.stringify(want));
    }
  }
  for (const c of raw.claims) {
    ototal++;
    const got = c.orig_span ? ocovered('claim', c.orig_span[0], c.orig_span[1]) : null;
    if (got === c.text) oexact++; else console.log('  original mismatch claim', c.orig_span, JSON.stringify(got));
  }
  check('the cleaned article has highlights', raw.quotes.length > 0 && ototal > raw.quotes.length, JSON.stringify(raw.quotes));
  check(`every highlight lands on the same words in the original (${oexact}/${ototal})`, oexact === ototal);
  check('highlights moved with the original layout', moved > 0);
  const speakerHl = await page.locator('#article-text .q-speaker').first().textContent();
  check('the speaker highlight names the keeper in the original', speakerHl.includes('Marchetti'), speakerHl);
  await shot('article-original');
  await page.locator('#view-toggle').click();
  await page.waitForSelector('#article-text[data-view="clean"]');
  check('toggle back shows the clean text', (await page.locator('#article-text').textContent()) === raw.text);
  const plain = await apiJson('/api/document/' + row);
  check('an article ingested without cleaning: the original is the text',
    plain.original === null || plain.original === plain.text);
  await page.goto(BASE + '/article/' + row);
  await page.waitForSelector('#article-text');
  check('no toggle when the original is the clean text', await page.locator('#view-toggle').count() === 0);

  // ---- speaker ----
  await Promise.all([page.waitForURL(/\/speaker\?/), page.locator('#detail .speaker-link, .side-list .speaker-link').first().click()]);
  await page.waitForSelector('#speaker-quotes');
  const sp = await apiJson('/api/speaker' + new URL(page.url()).search);
  check('speaker timeline has one bar per month', await page.locator('svg.chart rect.bar').count() === sp.timeline.length && sp.timeline.length > 0);
  check('speaker lists every quote', await page.locator('#speaker-quotes > li').count() === sp.quotes.length);
  await shot('speaker');

  // ---- quote cluster ----
  const hits = await apiJson('/api/search?q=fishing+boats+nowhere&syntax=words&in=quotes');
  const cid = hits.results.quotes.find(h => h.cluster).cluster;
  await page.goto(BASE + '/cluster/' + cid);
  await page.waitForSelector('#cluster-members');
  const members = page.locator('#cluster-members > li');
  check('cluster shows each outlet', await members.count() >= 2);
  check('first appearance marked first', (await members.first().textContent()).includes('first appearance'));
  check('wording differences shown as a diff', await page.locator('#cluster-members ins, #cluster-members del').count() > 0);
  await shot('cluster');

  // ---- claims ----
  await page.goto(BASE + '/claims');
  await page.waitForSelector('.claim-group');
  const claims = await apiJson('/api/claims');
  check('claims chart has a dot per claim', await page.locator('.claim-group svg circle.dot').count() === claims.groups[0].claims.length);
  await shot('claims');
  await page.goto(BASE + '/speakers');
  await page.waitForSelector('table.list tbody tr');
  await shot('speakers');

  // ---- the hostile article ----
  const xss = await apiJson('/api/document?id=xss');
  await page.goto(BASE + '/article/' + xss.doc_row);
  await page.waitForSelector('#article-text');
  await page.waitForTimeout(300);
  const mainText = await page.locator('main').textContent();
  check('script tags shown as text', mainText.includes("<script>alert('body')</script>"));
  check('img markup shown as text', mainText.includes(`"><img src=x onerror=alert('img')>`));
  check('title markup shown as text', (await page.locator('h1').textContent()).includes("<img src=x onerror=alert('title')>"));
  check('no injected elements', await page.locator('main img, main script, main b:has-text("tags"), main b:has-text("Klein")').count() === 0);
  check('only the app script on the page', await page.locator('script').count() === 1);
  check('no javascript: link', await page.locator('a[href^="javascript" i]').count() === 0);
  for (const q of xss.quotes) {
    await page.locator(`#article-text [data-quote="${q.id}"]`).first().hover();
  }
  await shot('xss-article');
  await page.goto(BASE + '/search?q=alert');
  await page.waitForSelector('.hit');
  check('no injected elements in search results', await page.locator('main img, main script').count() === 0);
  const xs = await apiJson('/api/speaker?name=Rosa');
  await page.goto(BASE + '/speaker?id=' + xs.id);
  await page.waitForSelector('#speaker-quotes');
  check('no injected elements on the speaker page', await page.locator('main img, main script').count() === 0);
  check('no dialog ever opened (nothing ran)', dialogs.length === 0, JSON.stringify(dialogs));
} catch (e) {
  check('browser run', false, String(e && e.stack || e));
}
check('no page errors', pageErrors.length === 0, JSON.stringify(pageErrors));
check('no request left this machine (offline)', foreign.length === 0, JSON.stringify(foreign));
check('no console errors', consoleErrors.length === 0, JSON.stringify(consoleErrors));
await context.close();
console.log(`web browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
