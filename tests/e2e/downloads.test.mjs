// Downloads under each figure: the CSV holds exactly the values shown with their sources; the
// PNG (2x) and the SVG carry the title and the source line. The CSV and SVG are files the
// build wrote (they work without script); with a country chosen, the links give its files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { csvRows, valuesByKey } from './data.mjs';

const VALUES = valuesByKey(join(ROOT, 'data'));

const env = useReport();

async function download(page, id, kind) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`figure[data-chart="${id}"] [data-download="${kind}"]`),
  ]);
  return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
}

test('each figure downloads its data and its image, with sources', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  await page.click('figure[data-chart="trust-2024"] details.figure-tools summary');

  const csv = await download(page, 'trust-2024', 'csv');
  assert.equal(csv.name, 'trust-2024.csv');
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
  const rows = csvRows(csv.body.toString('utf8'));
  const shown = await page.$$eval('figure[data-chart="trust-2024"] td[data-key]', (tds) => tds.map((td) => td.dataset.key));
  assert.deepEqual(rows.map((r) => `${r.question}/${r.year}/${r.population}/${r.option}`), shown, 'exactly the values shown');
  for (const r of rows) {
    assert.equal(r.value, VALUES.get(`${r.question}/${r.year}/${r.population}/${r.option}`));
    assert.ok(r.sources && r.source_urls.startsWith('http'), `${r.option}: sources`);
  }

  const png = await download(page, 'trust-2024', 'png');
  assert.equal(png.name, 'trust-2024.png');
  assert.equal(png.body.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.body.readUInt32BE(16), 1200, 'a still image at twice the embed\'s 600 px');

  const svg = await download(page, 'trust-2024', 'svg');
  const text = svg.body.toString('utf8');
  assert.ok(text.startsWith('<svg'));
  const title = await page.textContent('figure[data-chart="trust-2024"] .chart-title');
  assert.ok(text.includes(title), 'the title');
  assert.ok(text.includes('ISEAS-Yusof Ishak Institute'), 'the source line');
  assert.ok(text.includes('58.9%'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('with a country chosen, the CSV and SVG links give that country\'s values', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/?country=TH');
  await waitReady(page);
  await page.click('figure[data-chart="trust-2024"] details.figure-tools summary');
  const csv = await download(page, 'trust-2024', 'csv');
  assert.equal(csv.name, 'trust-2024-th.csv');
  const rows = csvRows(csv.body.toString('utf8'));
  const shown = await page.$$eval('figure[data-chart="trust-2024"] td[data-key]', (tds) => tds.map((td) => td.dataset.key));
  assert.ok(shown.some((k) => k.includes('/TH/')), 'the table shows Thailand');
  assert.deepEqual(rows.map((r) => `${r.question}/${r.year}/${r.population}/${r.option}`), shown, 'exactly the values shown');
  // Back to the region: the links follow.
  await page.selectOption('figure[data-chart="trust-2024"] select', '');
  await page.waitForFunction(() =>
    document.querySelector('figure[data-chart="trust-2024"] a[data-download="svg"]').getAttribute('href') === 'downloads/trust-2024.svg');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without script the CSV, PNG and SVG links are there and served', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  const links = await page.$$eval('a[data-download]', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 3 * 11);
  for (const href of links) {
    const r = await page.request.get(env.origin + '/' + href);
    assert.equal(r.status(), 200, href);
  }
  await context.close();
});

// A PNG's width and height, from its IHDR chunk.
const pngSize = (b) => [b.readUInt32BE(16), b.readUInt32BE(20)];

test('link previews: the page and every embed document carry Open Graph and Twitter tags with a real 1200x630 card', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  const docs = ['/', ...(await (async () => {
    await page.goto(env.origin + '/');
    return page.$$eval('figure[data-chart]', (fs) => fs.map((f) => `/embed/${f.dataset.chart}.html`));
  })())];
  for (const path of docs) {
    await page.goto(env.origin + path);
    const tags = await page.$$eval('meta[property^="og:"], meta[name^="twitter:"]', (ms) =>
      Object.fromEntries(ms.map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.content])));
    for (const k of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'twitter:image']) assert.ok(tags[k], `${path}: ${k}`);
    assert.equal(tags['twitter:card'], 'summary_large_image', path);
    assert.equal(tags['og:image:width'], '1200', path);
    assert.equal(tags['og:image:height'], '630', path);
    const image = new URL(tags['og:image'], page.url()).href;
    const r = await page.request.get(image);
    assert.equal(r.status(), 200, image);
    const body = await r.body();
    assert.equal(body.subarray(1, 4).toString(), 'PNG', image);
    assert.deepEqual(pngSize(body), [1200, 630], image);
  }
  // The page loads none of the images: previews cost a reader nothing.
  const loaded = [];
  page.on('request', (r) => { if (r.url().endsWith('.png')) loaded.push(r.url()); });
  await page.goto(env.origin + '/');
  await waitReady(page);
  assert.deepEqual(loaded, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('oEmbed: every embed document links its JSON, which has the fields consumers need', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 600 });
  await page.goto(env.origin + '/embed/trust-2024.html');
  const href = await page.$eval('link[rel="alternate"][type="application/json+oembed"]', (l) => l.href);
  const r = await page.request.get(href);
  assert.equal(r.status(), 200);
  const o = await r.json();
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  assert.equal(o.title, 'Which powers does the region trust?');
  assert.ok(o.html.startsWith('<iframe title="Which powers does the region trust?" src="') && o.html.includes('embed/trust-2024.html'), o.html);
  assert.ok(o.html.includes('<noscript><img src="') && o.html.includes('downloads/trust-2024.png'), 'a still image for readers without frames');
  assert.equal(o.width, 600);
  assert.ok(o.height > 300 && o.height < 2000, `${o.height}`);
  assert.ok(o.provider_name.startsWith('Japan & ASEAN'));
  assert.ok(typeof o.provider_url === 'string');
  assert.ok(o.thumbnail_url.endsWith('cards/trust-2024.png'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed box offers an AMP snippet with the overflow element and the still image as placeholder', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  await page.click('figure[data-chart="influence"] details.figure-tools summary');
  await page.waitForSelector('#influence-embed[data-ready]', { state: 'attached', timeout: 20_000 });
  const amp = await page.inputValue('#influence-amp');
  assert.match(amp, /^<amp-iframe title="[^"]+" width="600" height="\d+" layout="responsive" sandbox="allow-scripts" resizable frameborder="0" src="http:\/\/127\.0\.0\.1:\d+\/embed\/influence\.html(\?updated=\d{4}-\d\d-\d\d)?#amp=1">/);
  assert.ok(amp.includes('<div overflow tabindex="0" role="button"'), 'the overflow element AMP requires');
  assert.match(amp, /<amp-img placeholder layout="fill" src="http:\/\/127\.0\.0\.1:\d+\/downloads\/influence\.png"/);
  const still = await page.request.get(amp.match(/src="([^"]+\.png)"/)[1]);
  assert.deepEqual(pngSize(await still.body()), [1200, pngSize(await still.body())[1]]);
  assert.deepEqual(problems, []);
  await context.close();
});
