// Render flags on the embed documents (Datawrapper's): `plain=1` leaves out the title and
// takeaway and keeps the source and the way back; `static=1` shows the static chart and its
// table and loads no WebAssembly at all (with `country`, that member state's static document);
// `transparent=1` drops the document's own background. They combine with `theme` and
// `country`; a bad value is ignored. The embed-code box offers them and writes them into every
// code, keeping the release the code records. (Firefox and WebKit: engines.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { valuesByKey } from './data.mjs';
import { serve } from './server.mjs';

const VALUES = valuesByKey(join(ROOT, 'data'));
const SHOTS = join(ROOT, 'tests/e2e/artifacts');
const CHART = 'trust-2024';
const env = useReport();

/// The embed document at `search`, once ready: what it shows and what it fetched.
async function embed(search, { width = 600, colorScheme = 'light', id = CHART } = {}) {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width, colorScheme });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.origin}/embed/${id}.html${search}`);
  await waitReady(page);
  await page.waitForLoadState('load');
  const seen = await page.evaluate(() => {
    const shown = (sel) => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; };
    const r = document.documentElement;
    return {
      path: location.pathname,
      flags: ['plain', 'static', 'transparent'].filter((f) => r.hasAttribute(`data-${f}`)),
      theme: r.getAttribute('data-theme'),
      title: shown('.chart-title'),
      takeaway: shown('.chart-takeaway'),
      subtitle: shown('.chart-subtitle'),
      source: shown('.source-short'),
      back: shown('.embed-link'),
      canvas: !!document.querySelector('.chart canvas'),
      still: shown('svg.static-chart'),
      picker: shown('.picker'),
      rows: [...document.querySelectorAll('table.data-table tbody tr')].map((tr) => tr.textContent),
      html: getComputedStyle(r).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
    };
  });
  return { context, page, problems, fetched, seen };
}

const wasm = (fetched) => fetched.filter((p) => p.endsWith('.wasm') || /\/embed-[0-9a-f]{16}\.js$/.test(p));

test('plain=1: no title and takeaway; the subtitle, the source and the way back stay', async () => {
  const { context, page, problems, seen } = await embed('?plain=1');
  assert.deepEqual(seen.flags, ['plain']);
  assert.equal(seen.title || seen.takeaway, false);
  assert.ok(seen.subtitle && seen.source && seen.back && seen.canvas, JSON.stringify(seen));
  // The figure keeps its accessible name from the title.
  const name = await page.locator('figure[data-chart]').getAttribute('aria-labelledby');
  assert.ok((await page.locator(`#${name}`).textContent()).length > 0);
  await page.screenshot({ path: join(SHOTS, 'flags-plain.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('static=1: the static chart and its table, with no WebAssembly loaded', async () => {
  const { context, page, problems, fetched, seen } = await embed('?static=1');
  assert.deepEqual(seen.flags, ['static']);
  assert.deepEqual(wasm(fetched), [], 'no WASM or glue');
  assert.ok(seen.still && !seen.canvas && !seen.picker, JSON.stringify(seen));
  assert.ok(seen.rows.some((r) => r.includes(VALUES.get('trust/2024/ASEAN/Japan'))), 'the table has the figures');
  assert.ok(seen.title && seen.source && seen.back);
  await page.screenshot({ path: join(SHOTS, 'flags-static.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('static=1 with country: that member state\'s static chart and table, still without WebAssembly', async () => {
  const { context, problems, fetched, seen } = await embed('?static=1&country=TH&theme=dark');
  assert.equal(seen.path, `/embed/${CHART}.th.html`);
  assert.deepEqual(wasm(fetched), []);
  assert.equal(seen.theme, 'dark');
  assert.ok(seen.still && !seen.canvas);
  const japan = seen.rows.find((r) => r.includes(VALUES.get('trust/2024/TH/Japan')));
  assert.ok(japan && japan.includes(VALUES.get('trust/2024/ASEAN/Japan')), `the region's and Thailand's figures: ${seen.rows.join(' | ')}`);
  assert.deepEqual(problems, []);
  await context.close();
  // A country the chart cannot show, or a chart without a selector, stays in its document.
  for (const [id, search] of [[CHART, '?static=1&country=XX'], ['influence', '?static=1&country=TH']]) {
    const r = await embed(search, { id });
    assert.equal(r.seen.path, `/embed/${id}.html`, `${id}${search}`);
    assert.deepEqual(r.seen.flags, ['static']);
    assert.deepEqual(r.problems, []);
    await r.context.close();
  }
});

test('transparent=1 with a dark theme: no background of its own, dark words', async () => {
  const { context, page, problems, seen } = await embed('?transparent=1&theme=dark&plain=1');
  assert.deepEqual(seen.flags, ['plain', 'transparent']);
  assert.equal(seen.theme, 'dark');
  assert.equal(seen.body, 'rgba(0, 0, 0, 0)');
  assert.equal(seen.html, 'rgba(0, 0, 0, 0)');
  assert.equal(seen.text, 'rgb(238, 238, 238)', 'the dark theme\'s text');
  assert.ok(seen.canvas && !seen.title);
  // Framed on a dark article (another origin), the article's colour shows through. (Browsers
  // paint a frame opaque when its colour scheme differs from its host's, so a host pairs
  // transparent with the theme of its own page.)
  const article = await serve(ROOT, {
    files: {
      '/article.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="dark"><link rel="icon" href="data:,"><title>Article</title></head><body style="margin:0;background:rgb(20,40,90)"><iframe title="chart" src="${env.origin}/embed/${CHART}.html?transparent=1&theme=dark" style="width:600px;height:700px;border:0"></iframe></body></html>`,
      },
    },
  });
  const host = await context.newPage();
  await host.goto(`${article.origin}/article.html`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('html[data-report-state="ready"]', { state: 'attached' });
  const shot = await host.screenshot({ clip: { x: 590, y: 5, width: 4, height: 4 } });
  await host.screenshot({ path: join(SHOTS, 'flags-transparent.png') });
  const png = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d', { willReadFrequently: true });
    g.drawImage(img, 0, 0);
    return [...g.getImageData(1, 1, 1, 1).data.slice(0, 3)];
  }, shot.toString('base64'));
  assert.deepEqual(png, [20, 40, 90], 'the article\'s background');
  assert.deepEqual(problems, []);
  await context.close();
  article.server.close();
});

test('the flags combine with country; bad values are ignored', async () => {
  const { context, page, problems, seen } = await embed('?plain=1&country=TH');
  assert.deepEqual(seen.flags, ['plain']);
  assert.ok(seen.canvas);
  assert.equal(await page.locator('select.country-select').inputValue(), 'TH');
  assert.ok(seen.rows.some((r) => r.includes(VALUES.get('trust/2024/TH/Japan'))));
  assert.deepEqual(problems, []);
  await context.close();
  const bad = await embed('?plain=yes&static=0&transparent=%3Cscript%3E');
  assert.deepEqual(bad.seen.flags, []);
  assert.ok(bad.seen.title && bad.seen.canvas);
  assert.equal(bad.seen.body, 'rgb(255, 255, 255)');
  assert.deepEqual(bad.problems, []);
  await bad.context.close();
});

test('the embed-code box offers the flags and writes them into every code', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(`${env.origin}/`);
  await waitReady(page);
  const figure = page.locator(`figure[data-chart="${CHART}"]`);
  await figure.locator('details.figure-tools > summary').click();
  // Once the embed's height is measured into the codes.
  await figure.locator('textarea.embed-code[data-ready]').first().waitFor({ state: 'attached' });
  const code = (kind) => figure.locator(`textarea.embed-code[data-kind="${kind}"]`).inputValue();
  const before = { iframe: await code('iframe'), pym: await code('pym'), amp: await code('amp') };
  const updated = before.iframe.match(/embed\/trust-2024\.html\?updated=(\d{4}-\d\d-\d\d)"/)?.[1];
  assert.ok(updated, before.iframe);
  const boxes = figure.locator('fieldset.embed-flags input[type="checkbox"]');
  assert.equal(await boxes.count(), 3);
  // A keyboard user reaches and ticks them.
  await figure.locator('input[data-flag="plain"]').focus();
  await page.keyboard.press('Space');
  await figure.locator('input[data-flag="static"]').check();
  const iframe = await code('iframe');
  assert.ok(iframe.includes(`embed/trust-2024.html?updated=${updated}&amp;plain=1&amp;static=1"`), iframe);
  assert.ok((await code('pym')).includes(`embed/trust-2024.html?updated=${updated}&plain=1&static=1"`));
  assert.ok((await code('amp')).includes(`?updated=${updated}&amp;plain=1&amp;static=1#amp=1"`));
  // The code works as pasted: its document reads the flags.
  const src = iframe.match(/src="([^"]+embed\/[^"]+)"/)[1].replace(/&amp;/g, '&');
  const framed = await context.newPage();
  await framed.goto(src);
  assert.equal(await framed.getAttribute('html', 'data-static'), '');
  assert.equal(await framed.getAttribute('html', 'data-plain'), '');
  await framed.close();
  await figure.locator('input[data-flag="plain"]').uncheck();
  await figure.locator('input[data-flag="static"]').uncheck();
  assert.deepEqual({ iframe: await code('iframe'), pym: await code('pym'), amp: await code('amp') }, before);
  assert.deepEqual(problems, []);
  await context.close();
});
