// A tool, not a test: builds (or views) against each other and the Chart.js peer, in one run,
// interleaved, under the bench's conditions (4x CPU, slow 4G, cold cache, 412x823 at DPR 2),
// waiting for ready as run.mjs does. For a change too small for the bench's spread between
// runs: copy dist before it, build after it, and compare the two in one run.
//
//   node bench/ab.mjs DIST[@PATH] DIST[@PATH] ...    (RUNS=15 by default; PATH defaults to
//                                                      /embed/trust-2024.html)
//
// Each view is timed against the Chart.js peer of its chart in its edition (bench/peer.mjs, read
// from the first DIST), or trust-2024's in its edition where its chart has none. Prints per
// variant the median ready time, its ratio to its peer's, when the WASM's last byte arrived,
// and ready minus that (the main thread's share after the transfer).
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { EDITIONS, PEER_CHARTS, READY_PROBE, SLOW_4G, coldPage, median, peerPath, peers, readyTime } from './peer.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const args = process.argv.slice(2);
if (!args.length) {
  console.error('usage: node bench/ab.mjs DIST[@PATH] [DIST[@PATH] ...]');
  process.exit(2);
}

const variants = [];
const peerOf = new Map();
const files = peers(args[0].split('@')[0]).files;
for (const a of args) {
  const [dist, path = '/embed/trust-2024.html'] = a.split('@');
  // Each view against the peer of its chart in its edition where there is one, else trust-2024's.
  const id = path.split('/').pop().replace(/\.html$/, '');
  const lang = EDITIONS.find((l) => path.startsWith(`/${l}/`)) ?? EDITIONS[0];
  const chart = PEER_CHARTS.includes(id) ? id : 'trust-2024';
  const peer = `${chart}, ${lang}`;
  peerOf.set(peer, peerPath(chart, lang));
  variants.push({ name: a, path, peer, ...(await serve(dist, { files })) });
}
for (const [peer, path] of peerOf) variants.push({ name: `Chart.js peer (${peer})`, path, peerOf: peer, origin: variants[0].origin });

const browser = await launch();
async function measure(url) {
  const { context, page: p } = await coldPage(browser, { cpu: 4, net: SLOW_4G, init: READY_PROBE });
  const ready = await readyTime(p, url);
  const wasm = await p.evaluate(() => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.responseEnd)));
  await context.close();
  return { ready, wasm };
}

// One unrecorded load of each (the server compresses each file on its first request), then
// load i of every variant before load i + 1 of any.
for (const v of variants) await measure(v.origin + v.path);
const results = variants.map(() => []);
for (let i = 0; i < RUNS; i++) for (const [k, v] of variants.entries()) results[k].push(await measure(v.origin + v.path));
await browser.close();
for (const v of variants) v.server?.close();

const peerReady = Object.fromEntries(variants.map((v, k) => [v.peerOf, median(results[k].map((r) => r.ready))]).filter(([id]) => id));
console.log(`| variant (${RUNS} loads each) | ready | / its peer | WASM arrived | ready - WASM arrived |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [k, v] of variants.entries()) {
  const rs = results[k];
  const ready = median(rs.map((r) => r.ready));
  const own = !v.peerOf;
  const peer = peerReady[v.peer ?? v.peerOf];
  console.log(`| ${v.name} | ${ready.toFixed(0)} ms | ${(ready / peer).toFixed(3)} | ${own ? median(rs.map((r) => r.wasm)).toFixed(0) + ' ms' : '-'} | ${own ? median(rs.map((r) => r.ready - r.wasm)).toFixed(0) + ' ms' : '-'} |`);
}
