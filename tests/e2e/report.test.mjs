// The release build, served on 127.0.0.1, in headless Chromium: the page reaches "ready" with
// no console error, page error or request to another host; every chart is drawn; every number
// in the tables and the prose is the data's; nothing shifts; it reads without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { valuesByKey } from './data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(HERE, 'artifacts');
mkdirSync(SHOTS, { recursive: true });

const VALUES = valuesByKey(join(ROOT, 'data'));
const CHARTS = [
  'trust-2024', 'trust-trend', 'china-distrust-reason', 'japan-trust-reasons', 'rivalry-response',
  'third-party-partner', 'alignment-by-country', 'strategic-relevance', 'influence',
  'travel-destination', 'live-work',
];
const SECTIONS = ['intro', 'trust', 'politics', 'economy', 'people', 'conclusion', 'sources'];
// Mark colours of the light theme (render::LIGHT): bars drawn means these pixels exist.
const MARKS = ['b7002a', 'e299aa', '707070', 'bfbfbf', 'b35900', '2166ac'];

const env = useReport();

// Per figure: canvas sizes and how many pixels of each mark colour it holds.
const canvases = (page) =>
  page.$$eval('figure[data-chart]', (figs, marks) => figs.map((fig) => {
    const slot = fig.querySelector('.chart');
    const c = slot.querySelector('canvas');
    if (!c) return { id: fig.dataset.chart, canvas: null };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = Object.fromEntries(marks.map((m) => [m, 0]));
    for (let i = 0; i < data.length; i += 4) {
      const hex = [data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
      if (hex in counts) counts[hex]++;
    }
    const r = c.getBoundingClientRect();
    return {
      id: fig.dataset.chart,
      canvas: { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height },
      // The chart's own width: the store may be a little wider (kept through small resizes).
      chartWidth: Number(c.dataset.chartWidth),
      slot: { width: slot.getBoundingClientRect().width, height: slot.getBoundingClientRect().height },
      staticLeft: !!slot.querySelector('svg'),
      marks: counts,
    };
  }), MARKS);

const pixel = (page, id, x, y) =>
  page.$eval(`figure[data-chart="${id}"] canvas`, (c, [x, y]) =>
    [...c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)], [x, y]);

for (const { width, dpr } of [{ width: 1280, dpr: 2 }, { width: 390, dpr: 2 }, { width: 320, dpr: 3 }]) {
  test(`every chart is drawn, crisp and in place at ${width} px, devicePixelRatio ${dpr}`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width, dpr });
    await page.goto(env.origin + '/');
    // The static charts reserve each chart's height before the WASM runs.
    const before = await page.$$eval('figure[data-chart] .chart', (s) => s.map((e) => e.getBoundingClientRect().height));
    await waitReady(page);
    const figs = await canvases(page);
    assert.deepEqual(figs.map((f) => f.id), CHARTS);
    for (const [i, f] of figs.entries()) {
      assert.ok(f.canvas, `${f.id}: a canvas was drawn`);
      assert.equal(f.staticLeft, false, `${f.id}: the live chart replaced the static one`);
      assert.equal(f.canvas.width, Math.round(f.canvas.cssWidth * dpr), `${f.id}: backing width`);
      assert.equal(f.canvas.height, Math.round(f.canvas.cssHeight * dpr), `${f.id}: backing height`);
      assert.ok(f.chartWidth <= f.slot.width && f.slot.width - f.chartWidth < 1, `${f.id}: fills its slot`);
      assert.ok(f.canvas.cssWidth - f.chartWidth < 256 / dpr, `${f.id}: store at most two steps wider`);
      assert.equal(f.slot.height, before[i], `${f.id}: same height as the static chart it replaced`);
      const marked = Object.values(f.marks).reduce((a, b) => a + b, 0);
      assert.ok(marked > 100 * dpr * dpr, `${f.id}: bars drawn (${JSON.stringify(f.marks)})`);
    }
    // Japan's trust bar (first row, first lane, after the series gutter) is in the accent colour.
    assert.deepEqual(await pixel(page, 'trust-2024', 74 * dpr, 30 * dpr), [0xb7, 0x00, 0x2a]);
    // China leans left, the US right, in the forced choice.
    const fc = figs.find((f) => f.id === 'alignment-by-country');
    assert.ok(fc.marks.b35900 > 0 && fc.marks['2166ac'] > 0);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
    assert.equal(await page.evaluate(() => window.__cls), 0, 'nothing moved while the page loaded');
    await page.screenshot({ path: join(SHOTS, `report-${width}-dpr${dpr}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('every number in the tables and the prose is the data\'s', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const tables = await page.$$eval('figure[data-chart]', (figs) => figs.map((f) => ({
    id: f.dataset.chart,
    cells: [...f.querySelectorAll('tbody td.num')].map((td) => ({
      key: td.dataset.key ?? null, derived: 'derived' in td.dataset, np: td.classList.contains('np'), text: td.textContent.trim(),
    })),
  })));
  for (const t of tables) {
    const keyed = t.cells.filter((c) => c.key);
    assert.ok(keyed.length > 0, `${t.id}: the table shows published values`);
    for (const c of keyed) assert.equal(c.text, VALUES.get(c.key), `${t.id}: ${c.key}`);
    for (const c of t.cells.filter((c) => c.np)) assert.equal(c.text, 'not published', `${t.id}: never zero`);
    for (const c of t.cells.filter((c) => !c.key && !c.np)) assert.ok(c.derived, `${t.id}: ${c.text} is either published or marked derived`);
  }
  // The prose: each figure is the data's value for the placeholder it came from...
  const figs = await page.$$eval('data.fig', (ds) => ds.map((d) => ({ key: d.dataset.key, value: d.value, text: d.textContent })));
  assert.ok(figs.length > 40, `${figs.length} numbers in the prose`);
  for (const f of figs) {
    assert.ok(VALUES.has(f.key), `${f.key} is in data/values.csv`);
    assert.equal(f.text, VALUES.get(f.key), f.key);
    assert.equal(f.value, VALUES.get(f.key), f.key);
  }
  // ...and no survey figure is typed into the prose by hand.
  const literal = await page.$$eval('.masthead p, main section > p, .chart-takeaway, .agenda p', (ps) =>
    ps.flatMap((p) => {
      const c = p.cloneNode(true);
      c.querySelectorAll('data.fig').forEach((d) => d.remove());
      return (c.textContent.match(/\d+\.\d+/g) ?? []).map((m) => `${m} in "${p.textContent.slice(0, 60)}"`);
    }));
  assert.deepEqual(literal, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the section navigation follows the reader', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const links = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, SECTIONS.map((s) => `#${s}`));
  await page.click('nav.toc a[href="#politics"]');
  await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('href') === '#politics');
  const navTop = await page.$eval('nav.toc', (n) => n.getBoundingClientRect().top);
  assert.equal(navTop, 0, 'the navigation stays in view');
  // On a phone the list scrolls sideways to keep the current section's link in view.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.querySelector('#conclusion').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('href') === '#conclusion');
  await page.waitForFunction(() => {
    const a = document.querySelector('nav.toc a[aria-current]').getBoundingClientRect();
    return a.left >= 0 && a.right <= window.innerWidth;
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart redraws when its container is resized', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280, dpr: 2 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const wide = (await canvases(page))[0].canvas.width;
  await page.setViewportSize({ width: 390, height: 900 });
  await page.waitForFunction(
    (w) => document.querySelector('figure[data-chart="trust-2024"] canvas').width !== w, wide);
  const f = (await canvases(page))[0];
  assert.ok(f.canvas.width < wide);
  assert.equal(f.canvas.width, Math.round(f.canvas.cssWidth * 2));
  assert.ok(f.chartWidth <= f.slot.width && f.slot.width - f.chartWidth < 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dark mode draws on the dark background', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 800, colorScheme: 'dark' });
  await page.goto(env.origin + '/');
  await waitReady(page);
  assert.deepEqual(await pixel(page, 'trust-2024', 74, 30), [0xff, 0x6b, 0x7d], 'Japan in the dark accent');
  // The canvas is transparent around its marks; what shows through is the page's background.
  const alpha = await page.$eval('figure[data-chart="trust-2024"] canvas',
    (c) => c.getContext('2d').getImageData(600, 1, 1, 1).data[3]);
  assert.equal(alpha, 0, 'no paint between the marks');
  const behind = await page.$eval('figure[data-chart="trust-2024"] canvas', (c) => {
    for (let e = c; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)') return bg;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  });
  assert.equal(behind, 'rgb(20, 22, 25)', 'dark background behind the chart');
  await page.screenshot({ path: join(SHOTS, 'report-800-dark.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript every section, table and static chart is there', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  for (const id of SECTIONS) assert.ok(await page.isVisible(`section#${id}`), `section ${id}`);
  for (const id of CHARTS) {
    assert.ok(await page.isVisible(`figure[data-chart="${id}"] svg.static-chart`), `${id}: static chart`);
    assert.ok(await page.isVisible(`figure[data-chart="${id}"] table`), `${id}: table`);
  }
  const keyed = await page.$$eval('td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
  for (const [key, text] of keyed) assert.equal(text, VALUES.get(key), key);
  assert.equal(await page.isVisible('#report-status'), false, 'no endless loading note');
  assert.equal(await page.getAttribute('html', 'data-report-state'), 'loading');
  await page.screenshot({ path: join(SHOTS, 'report-390-nojs.png'), fullPage: true });
  await context.close();
});

test('printed, the page has no controls: no country selector, embed tools or link back', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  assert.ok(await page.isVisible('figure[data-chart="trust-2024"] .picker'), 'on screen, the selector is there');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.picker', '.figure-tools', '.embed-link']) {
    const shown = await page.$$eval(sel, (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
    assert.equal(shown, 0, `${sel} is not printed`);
  }
  assert.ok(await page.isVisible('figure[data-chart="trust-2024"] table'), 'the tables are printed');
  assert.deepEqual(problems, []);
  await context.close();
});
