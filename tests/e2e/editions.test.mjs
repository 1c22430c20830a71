// Every edition (data/charts.toml `editions`: English at /, Japanese at /ja/, Thai at /th/),
// checked from the data folder's files: its language, its own numbers (values.csv), its
// dates and digits, hreflang and the language switch (which keeps the reader's section, chart
// and country), axe at 390 and 1280 px in light and dark, the page without script, labels
// that fit a 320 px phone as the real fonts measure them, and its embeds' heights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, axe, launch, openPage, waitReady } from './browser.mjs';
import { serve } from './server.mjs';
import { catalog as uiCatalog, editionLangs, releaseQuery, valuesByKey } from './data.mjs';

const DATA = join(ROOT, 'data');
const VALUES = valuesByKey(DATA);
const LANGS = editionLangs(DATA);
const CHARTS = [...readFileSync(join(DATA, 'charts.toml'), 'utf8').matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]);

const EDITIONS = LANGS.map((lang, i) => ({ lang, folder: i === 0 ? '' : `${lang}/`, ...uiCatalog(DATA, `ui.${lang}.toml`) }));
const TRANSLATED = EDITIONS.slice(1);

let report, browser;
before(async () => {
  report = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  report?.server.close();
});

test('the data lists three editions, each with its own language name', () => {
  assert.deepEqual(LANGS, ['en', 'ja', 'th']);
  assert.deepEqual(EDITIONS.map((e) => e.ui.language_name), ['English', '日本語', 'ไทย']);
});

for (const e of EDITIONS) {
  test(`${e.lang}: its language, its numbers, its dates, hreflang and its downloads`, async () => {
    const { context, page, problems } = await openPage(browser, report.origin, { width: 1280 });
    await page.goto(`${report.origin}/${e.folder}`);
    await waitReady(page);
    assert.equal(await page.getAttribute('html', 'lang'), e.lang);
    // Every chart is drawn.
    const inked = await page.$$eval('figure[data-chart] canvas', (cs) => cs.map((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    }));
    assert.equal(inked.length, CHARTS.length);
    for (const [i, n] of inked.entries()) assert.ok(n > 2000, `${CHARTS[i]} drawn`);
    // The tables: every published value is values.csv's, and a gap says so in this language.
    const cells = await page.$$eval('tbody td.num', (tds) => tds.map((td) => ({ key: td.dataset.key ?? null, np: td.classList.contains('np'), text: td.textContent.trim() })));
    const keyed = cells.filter((c) => c.key);
    assert.ok(keyed.length > 60, `${keyed.length} published values in the tables`);
    for (const c of keyed) assert.equal(c.text, VALUES.get(c.key), c.key);
    for (const c of cells.filter((c) => c.np)) assert.equal(c.text, e.ui.not_published);
    // The prose: each figure is the value of its placeholder, and none is typed by hand.
    const figs = await page.$$eval('data.fig', (ds) => ds.map((d) => ({ key: d.dataset.key, text: d.textContent })));
    assert.ok(figs.length > 40, `${figs.length} numbers in the prose`);
    for (const f of figs) assert.equal(f.text, VALUES.get(f.key), f.key);
    const literal = await page.$$eval('.masthead p, main section > p, .chart-takeaway, .agenda p', (ps) => ps.flatMap((p) => {
      const c = p.cloneNode(true);
      c.querySelectorAll('data.fig').forEach((d) => d.remove());
      return c.textContent.match(/\d+\.\d+/g) ?? [];
    }));
    assert.deepEqual(literal, []);
    // Latin digits only: no Thai or full-width digits anywhere.
    const body = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(body, /[๐-๙０-９]/);
    // Percentages as CLDR writes them for ja and th as for en: 58.9%.
    const takeaway = await page.textContent('figure[data-chart="trust-2024"] .chart-takeaway');
    assert.match(takeaway, new RegExp(e.locale.percent.replace('{value}', VALUES.get('trust/2024/ASEAN/Japan').replace('.', '\\.'))));
    // Dates in the edition's form: the survey's publication date and the fieldwork.
    const method = await page.textContent('dl.method');
    const source = await page.textContent('figure[data-chart="trust-2024"] p.source');
    const dates = {
      en: [/2 Apr 2024/, /3 Jan 2024 – 23 Feb 2024/],
      ja: [/2024年4月2日/, /2024年1月3日～2024年2月23日/],
      th: [/2 เมษายน 2567/, /3 มกราคม 2567.*23 กุมภาพันธ์ 2567/],
    }[e.lang];
    assert.match(source, dates[0], 'the survey date in the source line');
    assert.match(method, dates[1], 'the fieldwork dates');
    if (e.lang !== 'en') {
      assert.doesNotMatch(await page.textContent('ul.source-list'), /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/, 'no English dates');
    }
    // A translation says so.
    const note = await page.$eval('.translation-note', (p) => p.textContent).catch(() => null);
    if (e === EDITIONS[0]) assert.equal(note, null, 'the original is no translation');
    else assert.equal(note, e.ui.translation);
    // hreflang: every edition and the default, each at its own folder.
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => [l.hreflang, new URL(l.href).pathname]));
    assert.deepEqual(alternates, [...EDITIONS.map((x) => [x.lang, `/${x.folder}`]), ['x-default', '/']]);
    // Names in the edition's order ([locale] collation): the country selector and the
    // sources, checked against the browser's own collator (ICU) for ja and th.
    const countries = await page.$$eval('#trust-2024-country option:not([value=""])', (os) => os.map((o) => o.textContent));
    assert.equal(countries.length, 10);
    if (e.lang !== 'en') {
      const sorted = await page.evaluate(([list, lang]) => [...list].sort(new Intl.Collator(lang).compare), [countries, e.lang]);
      assert.deepEqual(countries, sorted, `${e.lang}: countries in ${e.locale.collation} order`);
    } else {
      assert.deepEqual(countries.slice(0, 3), ['Brunei', 'Cambodia', 'Indonesia']);
      assert.ok(countries.indexOf('The Philippines') < countries.indexOf('Singapore'), 'the Philippines under P');
    }
    // Its downloads are its own: the CSV names the rows in its language.
    const csv = await page.evaluate(async () => (await fetch('downloads/influence.csv')).text());
    const row = (await page.textContent('figure[data-chart="influence"] tbody tr th')).trim();
    assert.ok(csv.includes(`influence,${row},`), `the CSV names ${row}`);
    // Its own card and oEmbed answer.
    const card = await page.getAttribute('meta[property="og:image"]', 'content');
    assert.equal(new URL(card, page.url()).pathname, `/${e.folder}cards/report.png`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${e.lang}: without script every section, static chart and table is there`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${report.origin}/${e.folder}`);
    assert.equal(await page.getAttribute('html', 'lang'), e.lang);
    for (const id of CHARTS) {
      assert.ok(await page.isVisible(`figure[data-chart="${id}"] svg.static-chart`), `${id}: static chart`);
      assert.ok(await page.isVisible(`figure[data-chart="${id}"] table`), `${id}: table`);
    }
    const keyed = await page.$$eval('td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
    assert.ok(keyed.length > 60);
    for (const [key, text] of keyed) assert.equal(text, VALUES.get(key), key);
    assert.equal(await page.isVisible('#report-status'), false, 'no endless loading note');
    assert.ok(await page.isVisible('nav.editions'), 'the language switch works without script');
    await context.close();
  });

  // Real fonts, real widths: in the static charts (the same layout the canvas draws, from the
  // same strings), no text runs outside its chart or into a bar; and every row label fits the
  // chart's width on a 320 px phone, where the canvas is narrower than the static chart.
  test(`${e.lang}: every label fits, measured in the browser at 320 px`, async () => {
    // Without script the static charts stay (the layout the canvas draws, from the same
    // strings); the fonts are the real ones either way.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${report.origin}/${e.folder}`);
    await page.evaluate(() => document.fonts.ready);
    const found = await page.$$eval('figure[data-chart] svg.static-chart', (svgs) => svgs.map((outer) => {
      const svg = outer.querySelector('svg') ?? outer;
      const width = svg.viewBox.baseVal.width || Number(svg.getAttribute('width'));
      const box = (el) => { const b = el.getBBox(); return { x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height }; };
      // Bars and bands: not the gridlines and baselines (1 px wide), nor the background.
      const bars = [...svg.querySelectorAll('rect')].map(box).filter((b) => b.x1 - b.x0 > 2 && b.y1 - b.y0 > 6 && b.x1 - b.x0 < width - 1);
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, size: Number(t.getAttribute('font-size')), ...box(t) }));
      const over = [];
      for (const t of texts) {
        // A glyph's side bearing may reach a pixel or two past its origin.
        if (t.x0 < -2 || t.x1 > width + 2) over.push(`${t.text}: ${t.x0.toFixed(1)}..${t.x1.toFixed(1)} outside 0..${width}`);
        for (const b of bars) {
          const overlap = Math.min(t.x1, b.x1) - Math.max(t.x0, b.x0) > 0.5 && Math.min(t.y1, b.y1) - Math.max(t.y0, b.y0) > 2;
          if (overlap) over.push(`${t.text} overlaps a bar`);
        }
      }
      const rowLabels = texts.filter((t) => t.x0 < 1 && t.size === 14);
      return { id: outer.closest('figure').dataset.chart, over, widest: Math.max(...rowLabels.map((t) => t.x1 - t.x0)), labels: rowLabels.length };
    }));
    const room = await page.$eval('figure[data-chart] .chart', (c) => c.getBoundingClientRect().width);
    assert.ok(room <= 300, `the chart is ${room} px wide on a 320 px phone`);
    // The method block's values stay on screen beside their labels, however long a label.
    const method = await page.$$eval('dl.method dt, dl.method dd', (els) => els.map((el) => ({ text: el.textContent.slice(0, 40), right: el.getBoundingClientRect().right })));
    assert.ok(method.length >= 2, 'the method block is on the page');
    for (const m of method) assert.ok(m.right <= 320.5, `the method's "${m.text}" ends at ${m.right.toFixed(1)} px, past the 320 px screen`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'the page does not scroll sideways at 320 px');
    for (const f of found) {
      assert.deepEqual(f.over, [], `${f.id}: ${f.over.join('; ')}`);
      assert.ok(f.labels > 0, `${f.id} has row labels`);
      assert.ok(f.widest <= room, `${f.id}: the widest row label is ${f.widest.toFixed(1)} px, the phone's chart ${room} px`);
    }
    await context.close();
  });

  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      if (e === EDITIONS[0]) continue; // a11y.test.mjs covers the original edition
      test(`${e.lang}: axe finds no WCAG A/AA violation at ${width} px, ${colorScheme}`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${report.origin}/${e.folder}`);
        await waitReady(page);
        assert.deepEqual(await axe(page), []);
        await context.close();
      });
    }
  }
}

test('the language switch takes the section, the chart and the country along', async () => {
  const { context, page, problems } = await openPage(browser, report.origin, { width: 1280 });
  await page.goto(`${report.origin}/ja/?country=TH#politics`);
  await waitReady(page);
  const links = () => page.$$eval('nav.editions a', (as) => as.map((a) => [a.hreflang, a.getAttribute('aria-current'), new URL(a.href).pathname + new URL(a.href).search + new URL(a.href).hash]));
  assert.deepEqual(await links(), [
    ['en', null, '/?country=TH#politics'],
    ['ja', 'page', '/ja/?country=TH#politics'],
    ['th', null, '/th/?country=TH#politics'],
  ]);
  // A new choice of country goes along too.
  await page.selectOption('#trust-2024-country', 'VN');
  await page.waitForFunction(() => location.search.includes('country=VN'));
  assert.ok((await links()).every(([, , href]) => href.includes('country=VN')), JSON.stringify(await links()));
  // Following the link opens the Thai edition with the same country chosen.
  await page.click('nav.editions a[hreflang="th"]');
  await waitReady(page);
  assert.equal(new URL(page.url()).pathname, '/th/');
  assert.equal(await page.getAttribute('html', 'lang'), 'th');
  assert.equal(await page.inputValue('#trust-2024-country'), 'VN');
  assert.ok(new URL(page.url()).search.includes('country=VN'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('each translated edition\'s embeds point at its own documents and size themselves', async () => {
  for (const e of TRANSLATED) {
    const { context, page } = await openPage(browser, report.origin, { width: 1280 });
    await page.goto(`${report.origin}/${e.folder}`);
    await waitReady(page);
    const codes = [];
    for (const id of CHARTS) {
      await page.click(`figure[data-chart="${id}"] details.figure-tools summary`);
      await page.waitForSelector(`#${id}-embed[data-ready]`, { state: 'attached', timeout: 20_000 });
      const code = await page.inputValue(`#${id}-embed`);
      assert.ok(code.includes(`src="${report.origin}/${e.folder}embed/${id}.html${releaseQuery(DATA)}"`), `${e.lang} ${id}: ${code.slice(0, 120)}`);
      codes.push(code);
    }
    await context.close();
    const listener = codes[0].slice(codes[0].indexOf('<script>'));
    const html = `<!doctype html><html lang="${e.lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title></head><body style="margin:0"><p>Article.</p>${codes.map((c) => c.replace(listener, '').replace('loading="lazy"', 'loading="eager"')).join('\n')}${listener}</body></html>`;
    const host = await serve(join(ROOT, 'tests/e2e'), { files: { '/article.html': { type: 'text/html; charset=utf-8', body: html } } });
    const hp = await browser.newPage({ viewport: { width: 600, height: 900 } });
    try {
    await hp.goto(`${host.origin}/article.html`);
    const frames = () => hp.frames().filter((f) => f.url().startsWith(report.origin));
    await hp.waitForFunction((n) => document.querySelectorAll('iframe').length === n, CHARTS.length);
    for (const f of frames()) await waitReady(f);
    for (const width of [600, 320]) {
      await hp.setViewportSize({ width, height: 900 });
      for (const f of frames()) {
        assert.equal(await f.getAttribute('html', 'lang'), e.lang);
        const el = await f.frameElement();
        await el.scrollIntoViewIfNeeded();
        let last;
        for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
          const outer = (await el.boundingBox()).height;
          const inner = await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          last = { url: f.url(), outer, inner };
          if (Math.abs(outer - inner) <= 2) break;
          await hp.waitForTimeout(100);
        }
        assert.ok(Math.abs(last.outer - last.inner) <= 2, `${e.lang} at ${width} px: ${JSON.stringify(last)}`);
        if (width === 600) {
          const rest = await f.evaluate(() => document.body.getBoundingClientRect().height - document.querySelector('figure .chart').getBoundingClientRect().height);
          assert.ok(rest <= 360, `${e.lang} ${last.url}: ${Math.ceil(rest)} px besides the chart at 600 px`);
        }
      }
    }
    } finally {
      await hp.close();
      host.server.close();
    }
  }
});
