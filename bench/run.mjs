// The report's benchmark: first-load sizes, time to ready and to the largest contentful paint
// (ours, the no-script baselines, and the same chart drawn by Chart.js alone, with and without
// 4x CPU throttling and slow 4G, runs interleaved; the embed / Chart.js ratio), chart redraw
// times measured inside the WASM, data load time and layout shift. Prints tables.
// Run with `./x bench` (it builds the release page first).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, transferSizes } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { loads } from '../tests/e2e/loads.mjs';
import { CHARTJS, EDITIONS, PEER_CHARTS, PEER_JS, READY_PROBE, SLOW_4G, coldPage, embedPath, median, peerPage, peerPath, peers, readyTime } from './peer.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.REPORT_DIST ?? join(HERE, '../dist'));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const REDRAWS = Number(process.env.BENCH_REDRAWS ?? 200);

const kb = (n) => (n / 1000).toFixed(1);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const table = (head, rows) => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(w[i])).join(' | ') + ' |';
  return [line(head), '| ' + w.map((n) => '-'.repeat(n)).join(' | ') + ' |', ...rows.map(line)].join('\n');
};

// --- sizes ----------------------------------------------------------------------------------
const page = readFileSync(join(DIST, 'index.html'), 'utf8');
const embedDoc = readFileSync(join(DIST, 'embed/trust-2024.html'), 'utf8');
// The no-script baselines: the same HTML (prose, tables, static SVG charts) without its script.
const noScript = (html) => html
  .replace(/<script type="module"[^>]*><\/script>/g, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
const baseline = noScript(page);
const embedBaseline = noScript(embedDoc);
const measureBytes = (f, b) => ({ f, ...transferSizes(b) });
// What each document loads (its own references: the page build, or the embed build).
const pageFiles = loads(DIST, 'index.html');
const embedFiles = loads(DIST, 'embed/trust-2024.html');
const sizeRows = [...new Set([...pageFiles, ...embedFiles])].map((f) => measureBytes(f, readFileSync(join(DIST, f))));
const rowsOf = (list) => sizeRows.filter((r) => list.includes(r.f));
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const total = sum(rowsOf(pageFiles));
const embedTotal = sum(rowsOf(embedFiles));
// Each baseline with the stylesheets its own document loads (the embed documents have theirs).
const cssOf = (list) => rowsOf(list).filter((r) => r.f.endsWith('.css'));
const base = sum([measureBytes('baseline', Buffer.from(baseline)), ...cssOf(pageFiles)]);
const embedBase = sum([measureBytes('embed baseline', Buffer.from(embedBaseline)), ...cssOf(embedFiles)]);
console.log('\n## First load (kB = 1000 bytes)\n');
console.log(table(['file', 'raw', 'gzip', 'brotli'], [
  ...sizeRows.map((r) => [r.f, kb(r.raw), kb(r.gzip), kb(r.brotli)]),
  ['full page (index.html, CSS, JS, WASM)', kb(total.raw), kb(total.gzip), kb(total.brotli)],
  ['one embed view (embed/trust-2024.html, CSS, JS, WASM)', kb(embedTotal.raw), kb(embedTotal.gzip), kb(embedTotal.brotli)],
  ['no-script baseline of the page (HTML + CSS)', kb(base.raw), kb(base.gzip), kb(base.brotli)],
  ['no-script baseline of the embed (HTML + CSS)', kb(embedBase.raw), kb(embedBase.gzip), kb(embedBase.brotli)],
]));

// --- the peer: the same chart drawn by Chart.js (bench/peer.mjs) ------------------------
// Each chart with a peer, in each edition (bench/peer.mjs): the labels, figures and font of our
// embed document of it.
const PEERS = peers(DIST);
const trustPeer = PEERS.all.find((p) => p.id === 'trust-2024' && p.lang === EDITIONS[0]);
const peerRow = sum([['peer page', Buffer.from(peerPage(trustPeer))], ['chart.umd.min.js', CHARTJS], ['chartjs-peer.js', PEER_JS], ['peer.css', Buffer.from(PEERS.css)]].map(([f, b]) => measureBytes(f, b)));

// --- timings --------------------------------------------------------------------------------
const noScriptPath = (id, lang) => embedPath(id, lang).replace(/[^/]*\.html$/, `noscript-${id}.html`);
const { server, origin } = await serve(DIST, { files: {
  ...PEERS.files,
  '/baseline.html': { type: 'text/html; charset=utf-8', body: baseline },
  // Each timed embed document without its script, beside it (so its stylesheet resolves the
  // same way): its own baseline, in its own edition.
  ...Object.fromEntries(EDITIONS.flatMap((lang) => PEER_CHARTS.map((id) => [
    noScriptPath(id, lang),
    { type: 'text/html; charset=utf-8', body: noScript(readFileSync(join(DIST, embedPath(id, lang)), 'utf8')) },
  ]))),
} });
const browser = await launch();
const PROBE = `
  window.__lcp = 0; window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  ${READY_PROBE}
`;

async function measure(path, { cpu, net }, isBaseline) {
  const { context, page: p } = await coldPage(browser, { cpu, net, init: PROBE });
  // The page marks the moment it became ready (User Timing "report-ready", read by
  // readyTime); a baseline has no script, so its load event stands for it.
  let ready;
  if (isBaseline) {
    await p.goto(origin + path, { waitUntil: 'load' });
    ready = await p.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  } else {
    ready = await readyTime(p, origin + path);
  }
  await p.waitForTimeout(300);
  const { lcp, cls, load } = await p.evaluate(() => ({
    lcp: window.__lcp, cls: window.__cls,
    load: performance.getEntriesByName('snapshot-load').map((e) => e.duration)[0] ?? null,
  }));
  await context.close();
  return { ready, lcp, cls, load };
}

const configs = [
  { name: 'no throttling', cpu: 1, net: null },
  { name: '4x CPU, slow 4G', cpu: 4, net: SLOW_4G },
];
// Each view against the no-script version of its own HTML (each embed in its own edition),
// and each Chart.js peer against that of our embed document of its chart and edition; each
// embed with a peer in every edition under the goal's conditions (throttled), in the first also without.
const ALL_PAGES = [
  { name: 'full page', path: '/', against: 'no-script page' },
  { name: 'no-script page', path: '/baseline.html', baseline: true },
  ...EDITIONS.flatMap((lang, i) => PEER_CHARTS.flatMap((id) => [
    { name: `no-script embed (${id}, ${lang})`, path: noScriptPath(id, lang), baseline: true, throttledOnly: i > 0 },
    { name: `embed (${id}, ${lang})`, path: embedPath(id, lang), against: `no-script embed (${id}, ${lang})`, throttledOnly: i > 0 },
    { name: `Chart.js (${id}, ${lang})`, path: peerPath(id, lang), against: `no-script embed (${id}, ${lang})`, throttledOnly: i > 0 },
  ])),
];
// The embed / Chart.js pairs whose ratio the goal is about.
const PAIRS = EDITIONS.flatMap((lang) => PEER_CHARTS.map((id) => `${id}, ${lang}`));
const timing = [];
const ratios = [];
const parse = [];
let worstCls = { page: 0, embed: 0 };
for (const c of configs) {
  const results = {};
  const pages = ALL_PAGES.filter((pg) => c.cpu > 1 || !pg.throttledOnly);
  // One unrecorded run of each first (the server compresses each file on its first request),
  // then the runs interleaved: run i of every page before run i + 1 of any.
  for (const pg of pages) {
    await measure(pg.path, c, pg.baseline);
    results[pg.name] = [];
  }
  for (let i = 0; i < RUNS; i++) {
    for (const pg of pages) results[pg.name].push(await measure(pg.path, c, pg.baseline));
  }
  for (const pg of pages.filter((p) => !p.baseline && p.path.startsWith('/') && !p.path.startsWith('/bench'))) {
    const runs = results[pg.name];
    parse.push(...runs.map((r) => r.load).filter((x) => x !== null));
    const key = pg.path === '/' ? 'page' : 'embed';
    worstCls[key] = Math.max(worstCls[key], ...runs.map((r) => r.cls));
  }
  const mid = (name) => median(results[name].map((x) => x.ready));
  for (const pair of PAIRS.filter((p) => results[`embed (${p})`])) {
    const ours = mid(`embed (${pair})`);
    const theirs = mid(`Chart.js (${pair})`);
    ratios.push([c.name, pair, ours.toFixed(0), theirs.toFixed(0), (ours / theirs).toFixed(2)]);
  }
  for (const pg of pages) {
    const b = results[pg.against ?? pg.name];
    const r = results[pg.name];
    const ready = r.map((x) => x.ready);
    const lcp = r.map((x) => x.lcp);
    timing.push([c.name, pg.name,
      `${median(ready).toFixed(0)} (${Math.min(...ready).toFixed(0)}-${Math.max(...ready).toFixed(0)})`,
      `${median(lcp).toFixed(0)} (${Math.min(...lcp).toFixed(0)}-${Math.max(...lcp).toFixed(0)})`,
      pg.baseline ? '1.00' : (median(ready) / median(b.map((x) => x.ready))).toFixed(2),
      (median(ready) / median(results['no-script page'].map((x) => x.ready))).toFixed(2),
      Math.max(...r.map((x) => x.cls)).toFixed(3),
    ]);
  }
}
console.log(`\n## Time to ready and to the largest contentful paint (ms, median (min-max) of ${RUNS} runs, 412x823 at DPR 2, cold cache)\n`);
console.log('"ready" is data-report-state="ready" (every chart drawn); for a no-script baseline, its load event.\n');
console.log(table(['conditions', 'page', 'ready', 'LCP', 'ready / own no-script HTML', 'ready / page\'s no-script HTML', 'CLS (max)'], timing));
console.log('\n## Our embed against the same chart drawn by Chart.js alone (ready, median of the interleaved runs)\n');
console.log(`Chart.js page: ${kb(peerRow.brotli)} kB brotli (chart.umd.min.js ${kb(transferSizes(CHARTJS).brotli)} kB); our embed view: ${kb(embedTotal.brotli)} kB.\n`);
console.log(table(['conditions', 'chart, edition', 'embed ready ms', 'Chart.js ready ms', 'embed / Chart.js (goal <= 0.80)'], ratios));

// --- redraws inside the WASM -----------------------------------------------------------------
const redraw = [];
for (const dpr of [1, 2]) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, deviceScaleFactor: dpr });
  const p = await context.newPage();
  await p.goto(origin + '/embed/trust-2024.html');
  await p.waitForSelector('html[data-report-state="ready"]', { state: 'attached' });
  const durations = async () => p.evaluate(() => {
    const d = performance.getEntriesByName('chart-redraw').map((e) => e.duration);
    performance.clearMeasures('chart-redraw');
    return d;
  });
  await durations();
  // Moving between values redraws the chart with its focus ring (hover shows an HTML tooltip
  // and does not redraw the canvas).
  await p.focus('figure[data-chart="trust-2024"] .chart');
  for (let i = 0; i < REDRAWS; i++) await p.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  const focus = await durations();
  // A window edge dragged back and forth between 400 and 600 px in 4 px steps: the backing
  // store is re-allocated when the chart outgrows it or leaves two steps spare.
  for (let i = 0; i < REDRAWS; i++) {
    const k = i % 100;
    await p.setViewportSize({ width: 400 + 4 * (k < 50 ? k : 100 - k), height: 900 });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const resize = await durations();
  for (const [what, d] of [['move between values (focus ring)', focus], ['resize', resize]]) {
    redraw.push([`DPR ${dpr}`, what, d.length, d.length ? median(d).toFixed(2) : 'n/a', d.length ? pct(d, 95).toFixed(2) : 'n/a']);
  }
  await context.close();
}
console.log('\n## One chart redrawn (trust-2024 embedded, 400-600 px wide), measured in the WASM with performance.now()\n');
console.log(table(['DPR', 'trigger', 'redraws', 'median ms', 'p95 ms'], redraw));

console.log('\n## Start-up and layout shift\n');
console.log(table(['measure', 'value'], [
  ['snapshot load (deserialize the checked data), median ms', parse.length ? median(parse).toFixed(2) : 'n/a'],
  ['snapshot load, max ms', parse.length ? Math.max(...parse).toFixed(2) : 'n/a'],
  ['CLS, full page, worst run', worstCls.page.toFixed(3)],
  ['CLS, embed, worst run', worstCls.embed.toFixed(3)],
]));
await browser.close();
server.close();
