// The peer the benchmark compares our embed with: trust-2024 drawn by Chart.js alone (npm
// chart.js, pinned in tests/e2e), its region-wide figures read from the data file (a value not
// published stays null). Shared by run.mjs and ab.mjs: the files to serve beside a build.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { valuesByKey } from '../tests/e2e/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VALUES = valuesByKey(join(HERE, '../data'));
const POWERS = ['Japan', 'United States', 'European Union', 'China', 'India'];
const num = (k) => (VALUES.has(k) ? Number(VALUES.get(k)) : null);
const peerData = {
  labels: POWERS, series: ['Trust', 'Distrust'],
  trust: POWERS.map((p) => num(`trust/2024/ASEAN/${p}`)),
  distrust: POWERS.map((p) => num(`distrust/2024/ASEAN/${p}`)),
};
// chart.js's exports map hides its UMD file: read it from the installed package's folder.
export const CHARTJS = readFileSync(join(HERE, '../tests/e2e/node_modules/chart.js/dist/chart.umd.min.js'));
export const PEER_JS = readFileSync(join(HERE, 'chartjs-peer.js'));
export const PEER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/peer.css"><title>Chart.js peer</title></head>
<body><h2>Which powers does the region trust?</h2><div class="box"><canvas id="peer" aria-label="Trust and distrust in five powers" role="img"></canvas></div>
<script type="application/json" id="peer-data">${JSON.stringify(peerData)}</script>
<script src="/bench/chart.umd.min.js"></script><script src="/bench/chartjs-peer.js"></script></body></html>`;
export const PEER_CSS = 'body { margin: 0; font: 16px system-ui, sans-serif; } h2 { margin: 8px; } .box { position: relative; height: 354px; }\n';
export const PEER_PATH = '/bench/chartjs.html';

// The peer's files, for the test server's `files` option.
export const peerFiles = {
  [PEER_PATH]: { type: 'text/html; charset=utf-8', body: PEER_PAGE },
  '/bench/chart.umd.min.js': { type: 'text/javascript; charset=utf-8', body: CHARTJS },
  '/bench/chartjs-peer.js': { type: 'text/javascript; charset=utf-8', body: PEER_JS },
  '/bench/peer.css': { type: 'text/css; charset=utf-8', body: PEER_CSS },
};

// The init script both use: it reports the page's "report-ready" mark on the console, so that
// nothing runs in the page before it (see run.mjs).
export const READY_PROBE = `new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'report-ready') console.log('report-ready'); }).observe({ type: 'mark', buffered: true });`;
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

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
