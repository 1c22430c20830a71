// What a reader downloads on first load of the release build, raw, gzip and brotli (the
// figures are deterministic, so the budget is checked here; timings live in the benchmark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transferSizes } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.REPORT_DIST ?? join(HERE, '../../dist'));
// Issue 7: 120 KB for the page and 90 KB for one embed view, read as kilobytes (1 000 bytes),
// the stricter reading.
const BUDGET_BROTLI = 120_000;
const EMBED_BUDGET_BROTLI = 90_000;

test('first load of the full page fits the size budget', () => {
  const files = readdirSync(DIST).filter((f) => ['.html', '.css', '.js', '.wasm'].includes(extname(f)));
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the build has a .wasm');
  assert.ok(files.some((f) => f.endsWith('.js')), 'the build has its JS glue');
  const rows = files.map((f) => ({ file: f, ...transferSizes(readFileSync(join(DIST, f))) }));
  const total = rows.reduce(
    (t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  console.log('\nfirst load (bytes)');
  console.table([...rows, total]);
  assert.ok(total.brotli <= BUDGET_BROTLI, `${total.brotli} B brotli exceeds ${BUDGET_BROTLI} B`);
});

test('first load of every embed view fits the embed budget', () => {
  // An embed view is its embed document with the page's stylesheet, start-up module, glue and
  // WASM (the same files: the document's base is the report's folder).
  const shared = readdirSync(DIST).filter((f) => ['.css', '.js', '.wasm'].includes(extname(f)));
  const sharedBrotli = shared.reduce((t, f) => t + transferSizes(readFileSync(join(DIST, f))).brotli, 0);
  const docs = readdirSync(join(DIST, 'embed')).filter((f) => f.endsWith('.html'));
  assert.equal(docs.length, 11, 'one embed document per chart');
  const rows = docs.map((f) => {
    const html = readFileSync(join(DIST, 'embed', f));
    // It loads exactly the shared files, from the report's folder.
    assert.ok(html.includes('<base href="../">'), `${f}: its base is the report's folder`);
    for (const s of shared) assert.ok(html.includes(`"./${s}"`), `${f} loads ${s}`);
    const own = transferSizes(html).brotli;
    return { file: `embed/${f}`, html: own, total: own + sharedBrotli };
  });
  console.log('\nfirst load of each embed view (bytes, brotli)');
  console.table(rows);
  for (const r of rows) assert.ok(r.total <= EMBED_BUDGET_BROTLI, `${r.file}: ${r.total} B brotli exceeds ${EMBED_BUDGET_BROTLI} B`);
});
