// Accessibility and interaction: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in any
// configuration; a keyboard alone reaches every value of every chart and hears it announced
// as the data says; tooltips follow WCAG 1.4.13; touch, the country selector and the URL work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, axe, openPage, useReport, waitReady } from './browser.mjs';
import { valuesByKey } from './data.mjs';

const VALUES = valuesByKey(join(ROOT, 'data'));

const env = useReport();

for (const width of [390, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const js of [true, false]) {
      test(`axe: no WCAG A/AA violation at ${width} px, ${colorScheme}, JavaScript ${js ? 'on' : 'off'}`, async () => {
        const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        if (js) {
          await page.goto(env.origin + '/');
          await waitReady(page);
        } else {
          // axe needs timers, which a page with scripting disabled does not run. So the page
          // is loaded without its own script instead (the same DOM a reader without
          // JavaScript gets), and the rules of `@media (scripting: none)` are applied by hand.
          await page.route(/\.(js|wasm)$/, (r) => r.abort());
          await page.goto(env.origin + '/');
          await page.evaluate(() => {
            for (const el of document.querySelectorAll('#report-status, .picker')) el.style.display = 'none';
          });
          assert.equal(await page.getAttribute('html', 'data-report-state'), 'loading');
        }
        assert.deepEqual(await axe(page), []);
        await context.close();
      });
    }
  }
}

test('a keyboard alone reaches every value of every chart and hears the data', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const charts = await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart));
  const visited = [];
  for (let presses = 0; presses < 2000 && visited.length < charts.length; presses++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.matches('.chart') ? document.activeElement.closest('figure').dataset.chart : null);
    if (!id || visited.includes(id)) continue;
    visited.push(id);
    const table = await page.$eval(`figure[data-chart="${id}"] table`, (t) => ({
      series: [...t.querySelectorAll('thead th.num')].map((th) => th.textContent.trim()),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({
        label: tr.querySelector('th').textContent.trim(),
        cells: [...tr.querySelectorAll('td.num')].map((td) => ({ text: td.textContent.trim(), key: td.dataset.key ?? null })),
      })),
    }));
    const points = table.rows.flatMap((r) => r.cells.map((c, s) => ({ ...c, row: r.label, series: table.series[s] })));
    for (const p of points) {
      await page.keyboard.press('ArrowRight');
      const said = await page.textContent('#announcer');
      const name = table.series.length > 1 ? `${p.row}, ${p.series}` : p.row;
      assert.ok(said.startsWith(`${name}: `), `${id}: "${said}" names ${name}`);
      const value = said.slice(name.length + 2).split('. ')[0].replace(/%$/, '');
      if (p.text === 'not published') {
        assert.equal(value.replace(/\.$/, ''), 'not published', `${id}: ${name}`);
      } else {
        assert.equal(value, p.text, `${id}: ${name}`);
        if (p.key) assert.equal(value, VALUES.get(p.key), `${id}: ${p.key}`);
      }
    }
    // The last point stays the last; Home goes back to the first.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    const first = points[0];
    assert.ok((await page.textContent('#announcer')).startsWith(table.series.length > 1 ? `${first.row}, ${first.series}` : first.row));
    await page.keyboard.press('Escape');
    assert.ok(await page.isHidden(`figure[data-chart="${id}"] .tooltip`), `${id}: Escape closes the value box`);
  }
  assert.deepEqual(visited, charts, 'Tab reaches every chart once, in order, and moves on (no trap)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('tooltips show on hover, stay while hovered, and close with Escape or on leaving', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/');
  await waitReady(page);
  const canvas = page.locator('figure[data-chart="trust-2024"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const tip = page.locator('figure[data-chart="trust-2024"] .tooltip');
  // Japan's trust bar: first row, first lane.
  await page.mouse.move(box.x + 120, box.y + 30);
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.textContent(), 'Japan, Trust: 58.9%. 2024, all respondents.');
  // Onto the tooltip itself: it stays (WCAG 1.4.13 hoverable).
  const t = await tip.boundingBox();
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 4 });
  assert.ok(await tip.isVisible(), 'hoverable');
  // Escape dismisses without moving the pointer or focus.
  const focusBefore = await page.evaluate(() => document.activeElement?.tagName);
  await page.keyboard.press('Escape');
  assert.ok(await tip.isHidden(), 'dismissible');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), focusBefore);
  await page.mouse.move(box.x + 120, box.y + 30);
  await tip.waitFor({ state: 'visible' });
  await page.mouse.move(box.x + 120, box.y - 200);
  assert.ok(await tip.isHidden(), 'closes when the pointer leaves');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on touch, a tap shows a value and a tap elsewhere hides it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  await waitReady(page);
  const canvas = page.locator('figure[data-chart="trust-2024"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const tip = page.locator('figure[data-chart="trust-2024"] .tooltip');
  await page.touchscreen.tap(box.x + 100, box.y + 30);
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /^Japan, Trust: 58\.9%/);
  await page.touchscreen.tap(box.x + 100, box.y - 120);
  assert.ok(await tip.isHidden());
  await context.close();
});

test('the country choice is in the URL, restores from it, and a bad one falls back visibly', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(env.origin + '/#politics');
  await waitReady(page);
  await page.selectOption('#alignment-by-country-country', 'TH');
  assert.match(page.url(), /[?&]country=TH(&|#|$)/);
  assert.equal(await page.inputValue('#trust-2024-country'), 'TH', 'every selector follows');
  // The chart and its table follow the choice; a country with no figure says so, never 0.
  const th = await page.$$eval('figure[data-chart="trust-2024"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(th[0], ['Japan', '58.9', '65.1']);
  assert.deepEqual(th[1], ['United States', '42.4', 'not published']);

  const shared = await env.browser.newPage();
  await shared.goto(env.origin + '/?country=PH&chart=alignment-by-country#politics');
  await waitReady(shared);
  assert.equal(await shared.inputValue('#alignment-by-country-country'), 'PH');
  assert.equal(await shared.evaluate(() => document.activeElement?.closest('figure')?.dataset.chart), 'alignment-by-country');
  const lit = await shared.$eval('figure[data-chart="trust-2024"] tbody tr td:last-child', (td) => td.textContent);
  assert.equal(lit, '82.3');
  await shared.close();

  const bad = await env.browser.newPage();
  await bad.goto(env.origin + '/?country=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&chart=nope');
  await waitReady(bad);
  assert.ok(await bad.isVisible('#url-note'), 'a visible note');
  assert.match(await bad.textContent('#url-note'), /does not cover/);
  assert.equal(await bad.$$eval('#url-note img', (i) => i.length), 0, 'nothing from the URL becomes HTML');
  assert.equal(await bad.inputValue('#trust-2024-country'), '', 'the default, ASEAN-wide view');
  await bad.click('#url-note .dismiss');
  assert.ok(await bad.isHidden('#url-note'));
  await bad.close();
  assert.deepEqual(problems, []);
  await context.close();
});
