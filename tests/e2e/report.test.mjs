// The release build, served on 127.0.0.1, in headless Chromium: the page reaches "ready" with
// no console error, page error or request to another host, and the chart shows the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, openPage, waitReady } from './browser.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const DIST = resolve(process.env.REPORT_DIST ?? join(ROOT, 'dist'));
const SHOTS = join(HERE, 'artifacts');
mkdirSync(SHOTS, { recursive: true });

// The data file is the oracle: parse it independently of the Rust code.
function csvRows(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell.trim()); cell = ''; }
      else cell += c;
    }
    cells.push(cell.trim());
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const values = csvRows(readFileSync(join(ROOT, 'data/values.csv'), 'utf8'));
const trust2024 = values
  .filter((v) => v.question === 'trust' && v.year === '2024' && v.population === 'ASEAN')
  .sort((a, b) => Number(b.value) - Number(a.value))
  .map((v) => [v.option, v.value]);

let server, origin, browser;
before(async () => {
  ({ server, origin } = await serve(DIST));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const chartState = (page) =>
  page.$eval('figure[data-chart="trust-2024"]', (fig) => {
    const slot = fig.querySelector('.chart');
    const canvas = slot.querySelector('canvas');
    const rows = [...fig.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()));
    return {
      rows,
      title: fig.querySelector('.chart-title')?.textContent,
      source: fig.querySelector('.source')?.textContent,
      slotHeight: slot.getBoundingClientRect().height,
      slotWidth: slot.getBoundingClientRect().width,
      canvas: canvas && {
        width: canvas.width,
        height: canvas.height,
        cssWidth: canvas.getBoundingClientRect().width,
        cssHeight: canvas.getBoundingClientRect().height,
      },
    };
  });

// The colour of one device pixel of the chart's canvas.
const pixel = (page, x, y) =>
  page.$eval('figure[data-chart="trust-2024"] canvas', (c, [x, y]) =>
    [...c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)], [x, y]);

for (const { width, dpr } of [{ width: 1280, dpr: 2 }, { width: 390, dpr: 2 }, { width: 320, dpr: 3 }]) {
  test(`the page is ready with the right numbers at ${width} px, devicePixelRatio ${dpr}`, async () => {
    const { context, page, problems } = await openPage(browser, origin, { width, dpr });
    await page.goto(origin + '/');
    await waitReady(page);
    const s = await chartState(page);

    assert.equal(s.title, 'Who will do the right thing?');
    assert.deepEqual(s.rows, trust2024, 'the table holds the data file\'s values, ranked');
    assert.deepEqual(s.rows[0], ['Japan', '58.9']);
    assert.match(s.source, /ISEAS-Yusof Ishak Institute, The State of Southeast Asia: 2024 Survey Report/);
    assert.match(s.source, /NHK News/);

    // Crisp: the backing store is the CSS size times the devicePixelRatio.
    assert.ok(s.canvas, 'a canvas was drawn');
    assert.equal(s.canvas.width, Math.round(s.canvas.cssWidth * dpr));
    assert.equal(s.canvas.height, Math.round(s.canvas.cssHeight * dpr));
    assert.ok(s.slotWidth - s.canvas.cssWidth < 1, 'the canvas fills its slot');
    // The slot's height was reserved by the stylesheet and the canvas fits it exactly.
    assert.equal(s.slotHeight, 284);
    assert.equal(s.canvas.cssHeight, 284);

    // Japan's bar (first row) is drawn in the accent colour; China's in the neutral grey.
    const barY = Math.round((2 + 20 + 11) * dpr);
    assert.deepEqual(await pixel(page, 10 * dpr, barY), [0xb7, 0x00, 0x2a]);
    const chinaY = Math.round((2 + 3 * 54 + 20 + 11) * dpr);
    assert.deepEqual(await pixel(page, 10 * dpr, chinaY), [0x80, 0x80, 0x80]);

    const cls = await page.evaluate(() => window.__cls);
    assert.equal(cls, 0, 'nothing moved while the page loaded');
    await page.screenshot({ path: join(SHOTS, `report-${width}-dpr${dpr}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the chart redraws when its container is resized', async () => {
  const { context, page, problems } = await openPage(browser, origin, { width: 1280, dpr: 2 });
  await page.goto(origin + '/');
  await waitReady(page);
  const wide = (await chartState(page)).canvas.width;
  await page.setViewportSize({ width: 390, height: 900 });
  await page.waitForFunction(
    (w) => document.querySelector('figure[data-chart="trust-2024"] canvas').width !== w, wide);
  const s = await chartState(page);
  assert.ok(s.canvas.width < wide);
  assert.equal(s.canvas.width, Math.round(s.canvas.cssWidth * 2));
  assert.ok(s.slotWidth - s.canvas.cssWidth < 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dark mode draws on the dark background', async () => {
  const { context, page, problems } = await openPage(browser, origin, { width: 800, colorScheme: 'dark' });
  await page.goto(origin + '/');
  await waitReady(page);
  assert.deepEqual(await pixel(page, 10, 33), [0xff, 0x6b, 0x7d], 'Japan in the dark accent');
  assert.deepEqual(await pixel(page, 600, 1), [0x14, 0x16, 0x19], 'dark background');
  await page.screenshot({ path: join(SHOTS, 'report-800-dark.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the figures and tables are still there', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(origin + '/');
  const rows = await page.$$eval('figure[data-chart="trust-2024"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows, trust2024);
  assert.equal(await page.isVisible('#report-status'), false, 'no endless loading note');
  assert.equal(await page.getAttribute('html', 'data-report-state'), 'loading');
  await context.close();
});
