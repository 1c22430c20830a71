// The peers the benchmark compares our embeds with: a chart drawn by Chart.js alone (npm
// chart.js, pinned in tests/e2e), its figures read from the data file (a value not published
// stays null). Shared by run.mjs and ab.mjs: the files to serve beside a build, and how both
// load a page and read its ready time.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memberCodes, valuesByKey } from '../tests/e2e/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VALUES = valuesByKey(join(HERE, '../data'));
const num = (k) => (VALUES.has(k) ? Number(VALUES.get(k)) : null);
// The member states' English names, from the edition's text file.
const NAMES = Object.fromEntries(
  [...readFileSync(join(HERE, '../data/text.en.toml'), 'utf8').split('[population]')[1].split('\n[')[0].matchAll(/^(\w+) = "([^"]*)"$/gm)]
    .map((m) => [m[1], m[2]]));
const MEMBERS = memberCodes(join(HERE, '../data'));

// Each peer: the chart drawn by Chart.js alone (no table, notes, keyboard walk or embed
// protocol), with its figures, its title and its box's height.
const POWERS = ['Japan', 'United States', 'European Union', 'China', 'India'];
// alignment-by-country: the region in three years, then each member state in 2024 by its share
// choosing China (not published last), China to the left of zero and the United States to the right.
const members = MEMBERS.map((c) => ({ c, china: num(`forced_choice/2024/${c}/China`), us: num(`forced_choice/2024/${c}/United States`) }))
  .sort((a, b) => (b.china ?? -1) - (a.china ?? -1));
const alignRows = [
  ...[2023, 2024, 2025].map((y) => ({ label: `ASEAN ${y}`, china: num(`forced_choice/${y}/ASEAN/China`), us: num(`forced_choice/${y}/ASEAN/United States`) })),
  ...members.map((m) => ({ label: NAMES[m.c], china: m.china, us: m.us })),
];
export const PEERS = {
  'trust-2024': {
    title: 'Which powers does the region trust?', height: 354,
    data: {
      labels: POWERS,
      datasets: [
        { label: 'Trust', data: POWERS.map((p) => num(`trust/2024/ASEAN/${p}`)), backgroundColor: '#b7002a' },
        { label: 'Distrust', data: POWERS.map((p) => num(`distrust/2024/ASEAN/${p}`)), backgroundColor: '#707070' },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 60 } } },
  },
  'alignment-by-country': {
    title: 'If ASEAN had to choose, whom should it align with?', height: 720,
    data: {
      labels: alignRows.map((r) => r.label),
      datasets: [
        { label: 'China', data: alignRows.map((r) => (r.china === null ? null : -r.china)), backgroundColor: '#b35900' },
        { label: 'United States', data: alignRows.map((r) => r.us), backgroundColor: '#2166ac' },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, min: -100, max: 100 }, y: { stacked: true } } },
  },
};
export const peerPath = (id) => (id === 'trust-2024' ? '/bench/chartjs.html' : `/bench/chartjs-${id}.html`);
export const PEER_PATH = peerPath('trust-2024');
const page = (id) => {
  const p = PEERS[id];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/peer.css"><title>Chart.js peer</title></head>
<body><h2>${p.title}</h2><div class="box h${p.height}"><canvas id="peer" aria-label="${p.title}" role="img"></canvas></div>
<script type="application/json" id="peer-data">${JSON.stringify({ data: p.data, options: p.options })}</script>
<script src="/bench/chart.umd.min.js"></script><script src="/bench/chartjs-peer.js"></script></body></html>`;
};
export const PEER_PAGE = page('trust-2024');
// chart.js's exports map hides its UMD file: read it from the installed package's folder.
export const CHARTJS = readFileSync(join(HERE, '../tests/e2e/node_modules/chart.js/dist/chart.umd.min.js'));
export const PEER_JS = readFileSync(join(HERE, 'chartjs-peer.js'));
// Each box's height as a class: the CSP the server sends allows no inline style.
export const PEER_CSS = `body { margin: 0; font: 16px system-ui, sans-serif; } h2 { margin: 8px; } .box { position: relative; }\n${
  Object.values(PEERS).map((p) => `.h${p.height} { height: ${p.height}px; }`).join('\n')}\n`;

// The peers' files, for the test server's `files` option.
export const peerFiles = {
  ...Object.fromEntries(Object.keys(PEERS).map((id) => [peerPath(id), { type: 'text/html; charset=utf-8', body: page(id) }])),
  '/bench/chart.umd.min.js': { type: 'text/javascript; charset=utf-8', body: CHARTJS },
  '/bench/chartjs-peer.js': { type: 'text/javascript; charset=utf-8', body: PEER_JS },
  '/bench/peer.css': { type: 'text/css; charset=utf-8', body: PEER_CSS },
};

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
