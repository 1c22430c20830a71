// What a reader downloads on first load of the release build, raw, gzip and brotli (the
// figures are deterministic, so the budget is checked here; timings live in the benchmark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.REPORT_DIST ?? join(HERE, '../../dist'));
// Issue 7: 120 KB, read as kilobytes (1 000 bytes), the stricter reading.
const BUDGET_BROTLI = 120_000;

const brotli = (b) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('first load of the full page fits the size budget', () => {
  const files = readdirSync(DIST).filter((f) => ['.html', '.css', '.js', '.wasm'].includes(extname(f)));
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the build has a .wasm');
  assert.ok(files.some((f) => f.endsWith('.js')), 'the build has its JS glue');
  const rows = files.map((f) => {
    const b = readFileSync(join(DIST, f));
    return { file: f, raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotli(b) };
  });
  const total = rows.reduce(
    (t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  console.log('\nfirst load (bytes)');
  console.table([...rows, total]);
  assert.ok(total.brotli <= BUDGET_BROTLI, `${total.brotli} B brotli exceeds ${BUDGET_BROTLI} B`);
});
