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
  assert.equal(png.body.readUInt32BE(16), 1280, '2x of 640 px');

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

test('without script the CSV and SVG links are there and served', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  const links = await page.$$eval('a[data-download]', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 2 * 11);
  for (const href of links) {
    const r = await page.request.get(env.origin + '/' + href);
    assert.equal(r.status(), 200, href);
  }
  await context.close();
});
