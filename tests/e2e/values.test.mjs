// Every published value has an address of its own: an id on its table cell, made of codes, so
// the same in every edition; `#that-id` brings the reader to it, ringed, on the page (in a
// member state's view where only that view shows it) and in the chart's embed document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { editionLangs } from './data.mjs';

const DATA = process.env.REPORT_DATA_DIR ?? join(ROOT, 'data');
const FOLDERS = editionLangs(DATA).map((lang, i) => (i === 0 ? '' : `${lang}/`));
const env = useReport();

const cells = (page) => page.$$eval('td[data-key]', (tds) => tds.map((td) => ({ id: td.id, key: td.dataset.key, chart: td.closest('figure').dataset.chart })));

// Where the address took the reader: the target cell, whether it is on screen and ringed.
const landed = (page) => page.evaluate(() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const r = t.getBoundingClientRect();
  return { id: t.id, text: t.textContent, onScreen: r.top >= 0 && r.bottom <= innerHeight, ring: getComputedStyle(t).outlineStyle };
});

test('every published value has an id made of codes, unique on its page and the same in every edition', async () => {
  const ids = [];
  for (const folder of FOLDERS) {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
    await page.goto(`${env.origin}/${folder}`);
    await waitReady(page);
    const all = await cells(page);
    assert.ok(all.length >= 1);
    for (const c of all) assert.match(c.id, /^v-[a-z0-9-]+$/, `${folder} ${c.key}`);
    assert.equal(new Set(all.map((c) => c.id)).size, all.length, `${folder}: ids are unique`);
    ids.push(all.map((c) => c.id));
    assert.deepEqual(problems, []);
    await context.close();
  }
  for (const other of ids.slice(1)) assert.deepEqual(other, ids[0], 'the same ids in every edition');
});

test('#value brings the reader to it, ringed: a region-wide one, one only a member state\'s view shows, and in an embed', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 390, height: 800 });
  await page.goto(`${env.origin}/`);
  await waitReady(page);
  const region = await cells(page);
  const last = region.at(-1);
  await page.goto(`${env.origin}/?reload#${last.id}`);
  await waitReady(page);
  const there = await landed(page);
  assert.equal(there?.id, last.id, 'the cell is the target');
  assert.ok(there.onScreen, 'and on screen');
  assert.equal(there.ring, 'solid', 'and ringed');

  // A value that only a member state's view has: the page opens that view.
  const select = await page.$('select.country-select');
  if (select) {
    const codes = await page.$$eval('select.country-select option', (os) => [...new Set(os.map((o) => o.value).filter(Boolean))]);
    let found;
    for (const code of codes) {
      await page.goto(`${env.origin}/?country=${code}`);
      await waitReady(page);
      const extra = (await cells(page)).find((c) => !region.some((r) => r.id === c.id));
      if (extra) { found = { code, ...extra }; break; }
    }
    assert.ok(found, 'some member state shows a value the region-wide view does not');
    await page.goto(`${env.origin}/?again#${found.id}`);
    await waitReady(page);
    const t = await landed(page);
    assert.equal(t?.id, found.id, `${found.id} is the target`);
    assert.ok(t.onScreen, 'on screen');
    const chosen = await page.$eval(`figure[data-chart="${found.chart}"] select.country-select`, (s) => s.value);
    assert.equal(chosen, found.code, 'in that member state\'s view');
  }

  // In the chart's embed document the table sits in a disclosure, which opens.
  await page.goto(`${env.origin}/embed/${last.chart}.html#${last.id}`);
  await waitReady(page);
  const e = await landed(page);
  assert.equal(e?.id, last.id);
  assert.ok(e.onScreen, 'on screen in the embed');
  assert.ok(await page.$eval(`#${last.id}`, (td) => td.closest('details')?.open ?? true), 'its disclosure is open');
  assert.deepEqual(problems, []);
  await context.close();
});
