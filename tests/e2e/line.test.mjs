// Line charts, on the example report (examples/three-editions, which has one): a keyboard
// alone walks every point, year by year, and hears its value as the table gives it; hovering a
// point shows that point's value box; the embed document draws the chart and walks the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_DIST, ROOT, inkedCanvases, openPage, useReport, waitReady } from './browser.mjs';

const CHARTS_TOML = readFileSync(join(ROOT, 'examples/three-editions/data/charts.toml'), 'utf8');
// The ids of the charts whose kind is "line", in file order.
const LINES = [...CHARTS_TOML.matchAll(/^id = "([^"]+)"\nkind = "([^"]+)"/gm)].filter((m) => m[2] === 'line').map((m) => m[1]);

const env = useReport(EXAMPLE_DIST);

/** The chart's table as the walk should read it: one point per year and series, in order. */
async function points(page, id) {
  return page.$eval(`figure[data-chart="${id}"] table`, (t) => {
    const series = [...t.querySelectorAll('thead th.num')].map((th) => th.textContent.trim());
    return [...t.querySelectorAll('tbody tr')].flatMap((tr) => [...tr.querySelectorAll('td.num')].map((td, s) => ({
      name: `${tr.querySelector('th').textContent.trim()}, ${series[s]}`,
      text: td.textContent.trim(),
    })));
  });
}

async function walk(page, id) {
  await page.focus(`figure[data-chart="${id}"] .chart`);
  const want = await points(page, id);
  assert.ok(want.length >= 4, `${id}: at least two years of two lines`);
  for (const p of want) {
    await page.keyboard.press('ArrowRight');
    const said = await page.textContent('#announcer');
    assert.ok(said.startsWith(`${p.name}: `), `${id}: "${said}" names ${p.name}`);
    const value = said.slice(p.name.length + 2).split('. ')[0];
    if (p.text === 'not published') assert.match(value, /^not published/, `${id}: ${p.name}`);
    else assert.equal(value.replace(/%$/, ''), p.text, `${id}: ${p.name}`);
  }
}

test('the example has a line chart to check', () => {
  assert.ok(LINES.length >= 1, 'examples/three-editions/data/charts.toml defines a chart of kind "line"');
});

test('a keyboard alone walks every point of a line chart and hears its value', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  for (const id of LINES) await walk(page, id);
  assert.deepEqual(problems, []);
  await context.close();
});

test("hovering a line's last point shows its value box", async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  for (const id of LINES) {
    const canvas = page.locator(`figure[data-chart="${id}"] canvas`);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The last year sits at the plot's right end: scan a column there for a point.
    let shown = '';
    for (let y = 40; y < box.height - 30 && !shown; y += 4) {
      await page.mouse.move(box.x + box.width * 0.68, box.y + y);
      shown = (await page.locator(`figure[data-chart="${id}"] .tooltip`).isVisible())
        ? (await page.textContent(`figure[data-chart="${id}"] .tooltip`)).trim()
        : '';
    }
    const last = (await points(page, id)).filter((p) => p.name.startsWith((shown.split(',')[0] ?? '') + ','));
    assert.ok(shown && last.length > 0, `${id}: a value box on hover ("${shown}")`);
    assert.ok(last.some((p) => shown.startsWith(`${p.name}: ${p.text}`)), `${id}: "${shown}" is a point of the table`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed document of a line chart draws it and walks the same', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 600 });
  for (const id of LINES) {
    await page.goto(`${env.origin}/embed/${id}.html`);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.reportState), 'ready');
    const [inked] = await inkedCanvases(page);
    assert.ok(inked > 200, `${id}: drawn in its embed (${inked} inked pixels)`);
    await walk(page, id);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
