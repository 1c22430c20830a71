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

// Every edition: the original at the root, each translation in its own folder
// (data/charts.toml `editions`), with its own page, start-up file and embed documents and the
// root's shared stylesheet, glue and WASM.
const LANGS = JSON.parse(readFileSync(join(HERE, '../../data/charts.toml'), 'utf8').match(/^editions = (\[.*\])$/m)[1]);
const FOLDERS = LANGS.map((lang, i) => (i === 0 ? '' : `${lang}/`));
// What every edition shares, from the root: the stylesheet, the glue and the WASM.
const SHARED = readdirSync(DIST).filter((f) => ['.css', '.js', '.wasm'].includes(extname(f)) && !f.startsWith('boot-') && !f.startsWith('palette-'));
// An edition's own files: its page, start-up file and the colour roles' dark shades.
const own = (folder) => readdirSync(join(DIST, folder))
  .filter((f) => f === 'index.html' || f.startsWith('boot-') || f.startsWith('palette-'))
  .map((f) => join(folder, f));

for (const folder of FOLDERS) {
  test(`first load of the ${folder || 'original '}page fits the size budget`, () => {
    const files = [...SHARED, ...own(folder)];
    assert.ok(files.some((f) => f.endsWith('.wasm')), 'the build has a .wasm');
    assert.ok(files.some((f) => f.includes('boot-')), 'the edition has its start-up file');
    assert.ok(files.some((f) => f.endsWith('index.html')), 'the edition has its page');
    const rows = files.map((f) => ({ file: f, ...transferSizes(readFileSync(join(DIST, f))) }));
    const total = rows.reduce(
      (t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
      { raw: 0, gzip: 0, brotli: 0 });
    console.log(`\nfirst load of /${folder} (bytes)`);
    console.table([...rows, total]);
    assert.ok(total.brotli <= BUDGET_BROTLI, `/${folder}: ${total.brotli} B brotli exceeds ${BUDGET_BROTLI} B`);
  });

  test(`first load of every embed view of /${folder} fits the embed budget`, () => {
    // An embed view is its embed document with the shared files and its edition's start-up
    // file (the document's base is its edition's folder).
    const boot = own(folder).filter((f) => f.includes('boot-') || f.includes('palette-'));
    const shared = [...SHARED, ...boot];
    const sharedBrotli = shared.reduce((t, f) => t + transferSizes(readFileSync(join(DIST, f))).brotli, 0);
    const docs = readdirSync(join(DIST, folder, 'embed')).filter((f) => f.endsWith('.html'));
    assert.equal(docs.length, 11, 'one embed document per chart');
    const up = '../'.repeat(folder.split('/').length - 1);
    const rows = docs.map((f) => {
      const html = readFileSync(join(DIST, folder, 'embed', f));
      // It loads exactly the shared files, from its edition's folder.
      assert.ok(html.includes('<base href="../">'), `${f}: its base is its edition's folder`);
      for (const s of SHARED) assert.ok(html.includes(`"${up || './'}${s}"`), `${folder}${f} loads ${s}`);
      const size = transferSizes(html).brotli;
      return { file: `${folder}embed/${f}`, html: size, total: size + sharedBrotli };
    });
    console.log(`\nfirst load of each embed view of /${folder} (bytes, brotli)`);
    console.table(rows);
    for (const r of rows) assert.ok(r.total <= EMBED_BUDGET_BROTLI, `${r.file}: ${r.total} B brotli exceeds ${EMBED_BUDGET_BROTLI} B`);
  });
}
