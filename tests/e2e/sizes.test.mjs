// What a reader downloads on first load of the release build, raw, gzip and brotli (the
// figures are deterministic, so the budget is checked here; timings live in the benchmark).
// What a document loads is read from the document itself (loads.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transferSizes } from './server.mjs';
import { loads as loadsIn } from './loads.mjs';
import { editionLangs, isCountryDocument } from './data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.REPORT_DIST ?? join(HERE, '../../dist'));
// Issue 15: 100 kB for the page and 55 kB for one embed view, in every edition (kB are
// 1 000 bytes). An embed document carries its chart's views built, so the embed build has
// neither the snapshot's core nor the builder (src/views.rs).
const BUDGET_BROTLI = 100_000;
const EMBED_BUDGET_BROTLI = 55_000;

// Every edition of the folder dist/ was built from: the original at the root, each translation
// in its own folder (charts.toml `editions`).
const DATA = resolve(process.env.REPORT_DATA_DIR ?? join(HERE, '../../data'));
const LANGS = editionLangs(DATA);
const CHARTS = [...readFileSync(join(DATA, 'charts.toml'), 'utf8').matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]);
const FOLDERS = LANGS.map((lang, i) => (i === 0 ? '' : `${lang}/`));

const loads = (file) => loadsIn(DIST, file);

function sizes(files) {
  const rows = files.map((f) => ({ file: f, ...transferSizes(readFileSync(join(DIST, f))) }));
  const total = rows.reduce(
    (t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

const wasmOf = (files) => files.filter((f) => f.endsWith('.wasm'));

for (const folder of FOLDERS) {
  test(`first load of the ${folder || 'original '}page fits the size budget`, () => {
    const files = loads(`${folder}index.html`);
    assert.equal(wasmOf(files).length, 1, 'the page loads one WASM');
    assert.ok(!wasmOf(files)[0].startsWith('embed-'), 'the page loads the page build');
    assert.ok(files.some((f) => f.endsWith('.css')), 'and a stylesheet');
    const { rows, total } = sizes(files);
    console.log(`\nfirst load of /${folder} (bytes)`);
    console.table([...rows, total]);
    assert.ok(total.brotli <= BUDGET_BROTLI, `/${folder}: ${total.brotli} B brotli exceeds ${BUDGET_BROTLI} B`);
  });

  test(`first load of every embed view of /${folder} fits the embed budget`, () => {
    const docs = readdirSync(join(DIST, folder, 'embed')).filter((f) => f.endsWith('.html') && !isCountryDocument(f));
    assert.equal(docs.length, CHARTS.length, 'one embed document per chart');
    const pageWasm = wasmOf(loads(`${folder}index.html`))[0];
    const rows = docs.map((f) => {
      const file = `${folder}embed/${f}`;
      assert.ok(readFileSync(join(DIST, file), 'utf8').includes('<base href="../">'), `${file}: its base is its edition's folder`);
      const files = loads(file);
      // The embed build, shared by every edition, never the page's.
      assert.deepEqual(wasmOf(files).map((w) => w.replace(/-[0-9a-f]{16}/, '')), ['embed_bg.wasm'], `${file} loads the embed build`);
      assert.ok(!files.includes(pageWasm), `${file} does not load the page's WASM`);
      const { total } = sizes(files);
      return { file, html: transferSizes(readFileSync(join(DIST, file))).brotli, total: total.brotli };
    });
    console.log(`\nfirst load of each embed view of /${folder} (bytes, brotli; total with what it loads)`);
    console.table(rows);
    for (const r of rows) assert.ok(r.total <= EMBED_BUDGET_BROTLI, `${r.file}: ${r.total} B brotli exceeds ${EMBED_BUDGET_BROTLI} B`);
  });
}

// prerender/src/hint.rs: each glue opens with V8's compile hint, so Chromium compiles its
// functions when the file arrives instead of one at a time during start-up (BENCHMARKS.md,
// session 7). V8 reads the comment only as the file's very first line.
test('the glue of the page and of the embeds opens with the compile hint', () => {
  const glues = new Set();
  for (const folder of FOLDERS) {
    for (const file of [`${folder}index.html`, `${folder}embed/${CHARTS[0]}.html`]) {
      for (const f of loads(file).filter((f) => f.endsWith('.js') && !/^(boot|start)-/.test(f.split('/').pop()))) glues.add(f);
    }
  }
  assert.deepEqual([...glues].map((g) => g.replace(/-[0-9a-f]{16}/, '')).sort(), ['embed.js', 'report-web.js'], 'two builds, one glue each');
  for (const g of glues) {
    assert.ok(readFileSync(join(DIST, g), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), `${g} opens with the hint`);
  }
});

// Issue 27: every file served as immutable is named by its final bytes, so a release that
// changes a file changes its name (a returning reader never pairs an old glue with a new WASM).
test('every immutable file (.js, .wasm, .css) is named by the SHA-256 of its bytes as served', () => {
  const walk = (dir) => readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
  const assets = walk('').filter((f) => /\.(js|wasm|css)$/.test(f));
  assert.ok(assets.length >= 6, `${assets.length} assets`);
  for (const f of assets) {
    const m = f.match(/-([0-9a-f]{16})(_bg)?\.(js|wasm|css)$/);
    assert.ok(m, `${f} carries a content hash in its name`);
    const sha = createHash('sha256').update(readFileSync(join(DIST, f))).digest('hex').slice(0, 16);
    assert.equal(m[1], sha, `${f}: the first 16 hex digits of its SHA-256 are ${sha}`);
  }
});
