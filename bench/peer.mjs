// The peers the benchmark compares our embeds with: a chart drawn by Chart.js alone (npm
// chart.js, pinned in tests/e2e), in each edition, with the labels, figures and font of our
// embed document of that chart and edition. Shared by run.mjs and ab.mjs: the files to serve
// beside a build, and how both load a page and read its ready time.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editionLangs, valuesByKey } from '../tests/e2e/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VALUES = valuesByKey(join(HERE, '../data'));
// The report's editions (charts.toml), the first at the site's root, the others in LANG/.
export const EDITIONS = editionLangs(join(HERE, '../data'));
export const embedPath = (id, lang = EDITIONS[0]) => `/${lang === EDITIONS[0] ? '' : `${lang}/`}embed/${id}.html`;

// The charts with a peer: how Chart.js draws each (its series' colours as on our light theme,
// and its axis). Everything a reader reads (title, row and series labels, which figures are
// published, the font) comes from the built embed document of the same edition (`peerOf`).
const CHARTS = {
  'trust-2024': { colours: ['#b7002a', '#707070'], options: { indexAxis: 'y', scales: { x: { min: 0, max: 60 } } } },
  // Diverging: China to the left of zero, the United States to the right.
  'alignment-by-country': {
    colours: ['#b35900', '#2166ac'], diverging: true,
    options: { indexAxis: 'y', scales: { x: { stacked: true, min: -100, max: 100 }, y: { stacked: true } } },
  },
};
export const PEER_CHARTS = Object.keys(CHARTS);

const text = (html) => html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
// The chart of one embed document as Chart.js draws it: the document's title, the labels of its
// data table (the rows and series our chart shows, in its words) and each cell's figure from
// values.csv by the cell's data-key (a cell not published stays null), in the edition's font.
export function peerOf(dist, id, lang = EDITIONS[0]) {
  const html = readFileSync(join(dist, embedPath(id, lang)), 'utf8');
  const table = html.match(/<table class="data-table">([\s\S]*?)<\/table>/)[1];
  const series = [...table.match(/<thead>([\s\S]*?)<\/thead>/)[1].matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].slice(1).map((m) => text(m[1]));
  const rows = [...table.match(/<tbody>([\s\S]*?)<\/tbody>/)[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
    label: text(m[1].match(/<th scope="row">([\s\S]*?)<\/th>/)[1]),
    cells: [...m[1].matchAll(/<td([^>]*)>/g)].map((c) => {
      const key = c[1].match(/data-key="([^"]*)"/)?.[1];
      return key && VALUES.has(key) ? Number(VALUES.get(key)) : null;
    }),
  }));
  const c = CHARTS[id];
  return {
    lang,
    title: text(html.match(/<h3 class="chart-title"[^>]*>([\s\S]*?)<\/h3>/)[1]),
    height: Number(html.match(/<svg class="static-chart"[^>]*height="(\d+)"/)[1]),
    font: text(html.match(/<svg class="static-chart"[\s\S]*?font-family="([^"]*)"/)[1]),
    data: {
      labels: rows.map((r) => r.label),
      datasets: series.map((label, s) => ({
        label,
        data: rows.map((r) => (r.cells[s] === null ? null : c.diverging && s === 0 ? -r.cells[s] : r.cells[s])),
        backgroundColor: c.colours[s],
      })),
    },
    options: c.options,
  };
}

export const peerPath = (id, lang = EDITIONS[0]) => `/bench/peer/${lang}/${id}.html`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
export const peerPage = (p) => `<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/peer.css"><title>Chart.js peer</title></head>
<body><h2>${esc(p.title)}</h2><div class="box h${p.height}"><canvas id="peer" aria-label="${esc(p.title)}" role="img"></canvas></div>
<script type="application/json" id="peer-data">${JSON.stringify({ font: p.font, data: p.data, options: p.options }).replace(/</g, '\\u003c')}</script>
<script src="/bench/chart.umd.min.js"></script><script src="/bench/chartjs-peer.js"></script></body></html>`;
// chart.js's exports map hides its UMD file: read it from the installed package's folder.
export const CHARTJS = readFileSync(join(HERE, '../tests/e2e/node_modules/chart.js/dist/chart.umd.min.js'));
export const PEER_JS = readFileSync(join(HERE, 'chartjs-peer.js'));
// Each box's height and each edition's font as classes and rules: the CSP the server sends
// allows no inline style.
export const peerCss = (peers) => `body { margin: 0; font-size: 16px; } h2 { margin: 8px; } .box { position: relative; }\n${
  [...new Set(peers.map((p) => `.h${p.height} { height: ${p.height}px; }`))].join('\n')}\n${
  [...new Map(peers.map((p) => [p.lang, `html[lang="${p.lang}"] body { font-family: ${p.font}; }`])).values()].join('\n')}\n`;

// Every peer of the built report in `dist` (each chart above in each edition), and the files
// to serve beside it (the test server's `files` option).
export function peers(dist) {
  const all = EDITIONS.flatMap((lang) => PEER_CHARTS.map((id) => ({ id, ...peerOf(dist, id, lang) })));
  const css = peerCss(all);
  return {
    all,
    css,
    files: {
      ...Object.fromEntries(all.map((p) => [peerPath(p.id, p.lang), { type: 'text/html; charset=utf-8', body: peerPage(p) }])),
      '/bench/chart.umd.min.js': { type: 'text/javascript; charset=utf-8', body: CHARTJS },
      '/bench/chartjs-peer.js': { type: 'text/javascript; charset=utf-8', body: PEER_JS },
      '/bench/peer.css': { type: 'text/css; charset=utf-8', body: css },
    },
  };
}

// The init script both use: it reports the page's "report-ready" mark on the console, so that
// nothing runs in the page before it (see readyTime).
export const READY_PROBE = `new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'report-ready') console.log('report-ready'); }).observe({ type: 'mark', buffered: true });`;
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// Load `url` in `page` (its context made by `coldPage` with READY_PROBE in its init script)
// and return when, since navigation, the page marked "report-ready". Nothing is evaluated in
// the page until then: Playwright's polling (waitForFunction) would inject its script into the
// page while it starts, on the main thread, which cost our embed up to 40 ms at 4x CPU and
// Chart.js nothing (its page is ready before its load event).
export async function readyTime(page, url) {
  const marked = page.waitForEvent('console', { predicate: (m) => m.text() === 'report-ready', timeout: 60_000 });
  await page.goto(url, { waitUntil: 'load' });
  await marked;
  return page.evaluate(() => performance.getEntriesByName('report-ready')[0].startTime);
}

// A fresh context's page at 412x823, DPR 2, cold cache, under `cpu` x CPU throttling and the
// network conditions `net` (none: unthrottled), with `init` run before the page's own script.
export async function coldPage(browser, { cpu = 1, net = null, init }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
  await context.addInitScript(init);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (net) await cdp.send('Network.emulateNetworkConditions', net);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page };
}
