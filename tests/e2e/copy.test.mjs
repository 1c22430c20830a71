// "Copy with source": under every chart (and in its embed document's data disclosure), a button
// that copies the value the reader picked (arrow keys, a tap or a click), or the chart when none
// is picked, with its source line and the address that brings a reader back to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { catalog, valuesByKey } from './data.mjs';

const DATA = join(ROOT, 'data');
const VALUES = valuesByKey(DATA);
const UI = catalog(DATA, 'ui.en.toml').ui;
const env = useReport();

async function open(path) {
  const r = await openPage(env.browser, env.origin, { width: 1280 });
  await r.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await r.page.goto(`${env.origin}${path}`);
  await waitReady(r.page);
  return r;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('the picked value is copied with its source and its address; without one, the chart', async () => {
  const { context, page, problems } = await open('/');
  const figure = page.locator('figure[data-chart="trust-2024"]');
  const button = figure.locator('button.copy-button');
  assert.equal(await button.textContent(), UI.copy_source);
  assert.ok(await button.isVisible());
  // A keyboard reader: into the chart, to its first value, then Tab on to the button.
  await figure.locator('.chart').focus();
  await page.keyboard.press('ArrowRight');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('figure[data-chart="trust-2024"] .copy-status').textContent !== '');
  assert.equal(await figure.locator('.copy-status').textContent(), UI.copy_done);
  const text = await clipboard(page);
  const lines = text.split('\n');
  assert.equal(lines.length, 3, text);
  assert.ok(lines[0].includes('Japan') && lines[0].includes(`${VALUES.get('trust/2024/ASEAN/Japan')}%`), lines[0]);
  assert.ok(lines[1].startsWith('Source: '), lines[1]);
  assert.equal(lines[2], `${env.origin}/#v-trust-2024-trust-2024-asean-japan`);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'copy-button', 'the focus stays on the button');
  // The address it gives brings a reader to that figure.
  await page.goto(lines[2]);
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'v-trust-2024-trust-2024-asean-japan');
  // Another chart, nothing picked: its title, takeaway, source and address.
  const other = page.locator('figure[data-chart="influence"]');
  await other.locator('button.copy-button').click();
  await page.waitForFunction(() => document.querySelector('figure[data-chart="influence"] .copy-status').textContent !== '');
  const chart = (await clipboard(page)).split('\n');
  assert.equal(chart[0], (await other.locator('.chart-title').textContent()).trim());
  assert.equal(chart.length, 4, chart.join(' | '));
  assert.equal(chart[3], `${env.origin}/#chart-influence`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed document copies too, with the report\'s address', async () => {
  const { context, page, problems } = await open('/embed/trust-2024.html');
  await page.locator('details.embed-data > summary').click();
  await page.locator('button.copy-button').click();
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent !== '');
  const lines = (await clipboard(page)).split('\n');
  assert.equal(lines.at(-1), `${env.origin}/#chart-trust-2024`);
  assert.deepEqual(problems, []);
  await context.close();
});
