// Compares two builds of the report as a reader sees them: full-page screenshots at 390 and
// 1280 px, light and dark, of the page and of every embed document, and of the page without
// script, pixel by pixel; and the text of each. For refactors that must change nothing a reader sees.
//
//   node tests/e2e/compare-builds.mjs BEFORE_DIST AFTER_DIST [OUT_DIR]
//
// Prints one line per view (identical, or how many pixels differ and where) and exits 1 if any
// view differs. Differing views are written to OUT_DIR (default tests/e2e/artifacts/compare).
import { mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, waitReady } from './browser.mjs';
import { serve } from './server.mjs';

const [before, after, outArg] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node tests/e2e/compare-builds.mjs BEFORE_DIST AFTER_DIST [OUT_DIR]');
  process.exit(2);
}
const out = resolve(outArg ?? join(import.meta.dirname, 'artifacts/compare'));
mkdirSync(out, { recursive: true });

const a = await serve(resolve(before));
const b = await serve(resolve(after));
const browser = await launch();

const embeds = existsSync(join(after, 'embed')) ? readdirSync(join(after, 'embed')).filter((f) => f.endsWith('.html')) : [];
const paths = ['/', ...embeds.map((f) => `/embed/${f}`)];

async function shot(origin, path, width, colorScheme, js) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme, javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(origin + path);
  if (js) await waitReady(page);
  else await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({ fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  await context.close();
  return { png, text };
}

// Pixel difference of two PNGs, counted in a blank page's canvas.
const differ = await browser.newPage();
async function diff(x, y) {
  return differ.evaluate(async ([x, y]) => {
    const load = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return img;
    };
    const [i, j] = await Promise.all([load(x), load(y)]);
    if (i.width !== j.width || i.height !== j.height) return { size: [[i.width, i.height], [j.width, j.height]] };
    const c = new OffscreenCanvas(i.width, i.height);
    const g = c.getContext('2d');
    g.drawImage(i, 0, 0);
    const p = g.getImageData(0, 0, i.width, i.height).data;
    g.clearRect(0, 0, i.width, i.height);
    g.drawImage(j, 0, 0);
    const q = g.getImageData(0, 0, i.width, i.height).data;
    let n = 0;
    let top = Infinity;
    for (let k = 0; k < p.length; k += 4) {
      if (p[k] !== q[k] || p[k + 1] !== q[k + 1] || p[k + 2] !== q[k + 2]) {
        n++;
        top = Math.min(top, Math.floor(k / 4 / i.width));
      }
    }
    return { pixels: n, firstRow: n ? top : null, size: [[i.width, i.height]] };
  }, [x.toString('base64'), y.toString('base64')]);
}

// Every view with script, and the page without (its static charts, in both schemes).
const views = [];
for (const path of paths) for (const width of [390, 1280]) for (const scheme of ['light', 'dark']) views.push({ path, width, scheme, js: true });
for (const width of [390, 1280]) for (const scheme of ['light', 'dark']) views.push({ path: '/', width, scheme, js: false });

let differing = 0;
for (const { path, width, scheme, js } of views) {
  {
    {
      const [x, y] = [await shot(a.origin, path, width, scheme, js), await shot(b.origin, path, width, scheme, js)];
      const d = await diff(x.png, y.png);
      const name = `${path.replace(/[^a-z0-9-]+/gi, '_')}-${width}-${scheme}${js ? '' : '-nojs'}`;
      const same = d.pixels === 0 && x.text === y.text;
      if (!same) {
        differing++;
        writeFileSync(join(out, `${name}-before.png`), x.png);
        writeFileSync(join(out, `${name}-after.png`), y.png);
      }
      const what = d.pixels === undefined ? `sizes differ ${JSON.stringify(d.size)}` :
        d.pixels === 0 ? `identical pixels (${d.size[0].join('x')})` : `${d.pixels} pixels differ from row ${d.firstRow}`;
      console.log(`${same ? 'same' : 'DIFF'}  ${path} ${width} ${scheme}${js ? '' : ' no script'}: ${what}${x.text === y.text ? '' : '; the text differs'}`);
    }
  }
}
await browser.close();
a.server.close();
b.server.close();
console.log(differing ? `${differing} view(s) differ` : `all ${views.length} views are identical`);
process.exit(differing ? 1 : 0);
