// Any report built by the engine from a data folder alone, checked from that folder's files
// (not from the Rust code), with thresholds any valid report meets (one chart, one cell): it
// reaches ready, draws every chart, its tables and prose are its own values file, its
// selectors offer its own member states, axe finds nothing, and it reads without script. Runs
// on the example report (examples/three-editions) and on the folder dist/ was built from
// (data/, or REPORT_DATA's) in every `./x test`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, EXAMPLE_DIST, ROOT, axe, inkedCanvases, openPage, useReport, waitReady } from './browser.mjs';
import { editionLangs, memberCodes, optionName, valuesByKey } from './data.mjs';

const REPORTS = [{ data: join(ROOT, 'examples/three-editions/data'), dist: EXAMPLE_DIST }];
const chosen = resolve(process.env.REPORT_DATA_DIR ?? join(ROOT, 'data'));
// The folder dist/ was built from: data/ by default, else REPORT_DATA's.
if (chosen !== REPORTS[0].data) REPORTS.push({ data: chosen, dist: DIST });

for (const { data, dist } of REPORTS) describe(`the report built from ${data.slice(ROOT.length + 1)}`, () => {
const VALUES = valuesByKey(data);
const CHARTS_TOML = readFileSync(join(data, 'charts.toml'), 'utf8');
const CHARTS = [...CHARTS_TOML.matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]);
const SECTIONS = JSON.parse(CHARTS_TOML.match(/^sections = (\[.*\])$/m)[1]);
const HIGHLIGHT = CHARTS_TOML.match(/^highlight = "([^"]+)"/m)?.[1];
// The member states a selector offers.
const MEMBERS = memberCodes(data);

const env = useReport(dist);

test('it reaches ready with every chart drawn', async () => {
  assert.ok(CHARTS.length >= 1, 'a report has a chart');
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 390, dpr: 2 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  assert.deepEqual(await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart)), CHARTS);
  assert.deepEqual(await page.$$eval('main > section', (ss) => ss.map((s) => s.id)), SECTIONS);
  const inked = await inkedCanvases(page);
  assert.equal(inked.length, CHARTS.length, 'a canvas per chart');
  for (const [i, n] of inked.entries()) assert.ok(n > 200, `${CHARTS[i]}: drawn (${n} inked pixels)`);
  if (HIGHLIGHT) {
    // Its highlighted option: a marked table row, and the accent colour on the canvases.
    const marked = await page.$$eval('tr.highlight th', (ths) => ths.map((th) => th.textContent));
    // The table names it as the first edition's catalog does.
    const name = optionName(data, editionLangs(data)[0], HIGHLIGHT);
    assert.ok(marked.includes(name), `${HIGHLIGHT} (${name}) is marked in a table (${marked})`);
    const accent = await page.$$eval('figure[data-chart] canvas', (cs) => cs.reduce((n, c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 0xb7 && d[i + 1] === 0x00 && d[i + 2] === 0x2a) n++;
      return n;
    }, 0));
    assert.ok(accent > 100, `the highlight is drawn in the accent colour (${accent} px)`);
  }
  await page.screenshot({ path: join(ROOT, `tests/e2e/artifacts/smoke-${data.split('/').at(-2)}-390.png`), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('its tables and prose are its own values file', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const cells = await page.$$eval('td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
  assert.ok(cells.length >= 1, `${cells.length} published cells`);
  for (const [key, text] of cells) assert.equal(text, VALUES.get(key), key);
  const figs = await page.$$eval('data.fig', (ds) => ds.map((d) => [d.dataset.key, d.textContent]));
  for (const [key, text] of figs) assert.equal(text, VALUES.get(key), key);
  // The selectors offer the folder's own member states, nothing else.
  const offered = await page.$$eval('select.country-select option', (os) => [...new Set(os.map((o) => o.value))]);
  if (offered.length) assert.deepEqual(offered, ['', ...MEMBERS]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation, ${colorScheme}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(env.origin + '/');
    await waitReady(page);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

test('it reads without JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  for (const id of SECTIONS) assert.ok(await page.isVisible(`section#${id}`), `section ${id}`);
  for (const id of CHARTS) {
    assert.ok(await page.isVisible(`figure[data-chart="${id}"] svg.static-chart`), `${id}: static chart`);
    assert.ok(await page.isVisible(`figure[data-chart="${id}"] table`), `${id}: table`);
  }
  const cells = await page.$$eval('td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
  for (const [key, text] of cells) assert.equal(text, VALUES.get(key), key);
  await context.close();
});
});
