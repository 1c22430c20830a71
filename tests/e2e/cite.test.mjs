// "Cite this chart", on every chart of every edition's page and in every embed document: a
// citation in the edition's words with the chart's title, the year of the report's release in
// the edition's era and the chart's absolute address, and a BibTeX entry with the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';
import { catalog, editionLangs } from './data.mjs';

const DATA = process.env.REPORT_DATA_DIR ?? join(ROOT, 'data');
const UPDATED = readFileSync(join(DATA, 'charts.toml'), 'utf8').match(/^updated = "(\d{4})-\d\d-\d\d"$/m)?.[1];
const EDITIONS = editionLangs(DATA).map((lang, i) => ({ lang, folder: i === 0 ? '' : `${lang}/`, ...catalog(DATA, `ui.${lang}.toml`) }));
const env = useReport();

const cites = (page) => page.$$eval('figure[data-chart]', (fs) => fs.map((f) => ({
  id: f.dataset.chart,
  title: f.querySelector('.chart-title')?.textContent.trim(),
  summary: f.querySelector('details.figure-cite > summary')?.textContent,
  text: f.querySelector('textarea.cite-code[data-kind="cite"]')?.value,
  bibtex: f.querySelector('textarea.cite-code[data-kind="bibtex"]')?.value,
})));

function check(c, e, address) {
  assert.equal(c.summary, e.ui.cite_summary, `${e.lang} ${c.id}: the disclosure is named in the edition's words`);
  assert.ok(c.text.includes(c.title), `${e.lang} ${c.id}: the citation names the chart`);
  assert.ok(c.text.includes(address), `${e.lang} ${c.id}: and its address ${address}: ${c.text}`);
  assert.ok(!c.text.includes('REPORT_URL') && !c.bibtex.includes('REPORT_URL'), 'no stand-in is left');
  const year = UPDATED ? String(Number(UPDATED) + Number(e.locale.year_offset)) : e.ui.cite_undated;
  assert.ok(c.text.includes(year), `${e.lang} ${c.id}: the release's year as the edition writes it (${year})`);
  assert.match(c.bibtex, new RegExp(`^@misc\\{${c.id}${UPDATED ? `-${UPDATED}` : ''},\\n`), `${c.id}: a @misc entry keyed by the chart`);
  assert.ok(c.bibtex.includes(`howpublished = {\\url{${address}}}`), `${c.id}: BibTeX has the address`);
  if (UPDATED) assert.ok(c.bibtex.includes(`year = {${UPDATED}}`), `${c.id}: BibTeX's year in the Common Era`);
  assert.ok(c.bibtex.trim().endsWith('}'), 'the entry is closed');
}

for (const e of EDITIONS) {
  test(`${e.lang}: every chart on the page and in its embed document can be cited`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
    await page.goto(`${env.origin}/${e.folder}`);
    await waitReady(page);
    const all = await cites(page);
    assert.ok(all.length >= 1);
    for (const c of all) check(c, e, `${env.origin}/${e.folder}#chart-${c.id}`);
    for (const { id } of all) {
      await page.goto(`${env.origin}/${e.folder}embed/${id}.html`);
      await waitReady(page);
      const [c] = await cites(page);
      check(c, e, `${env.origin}/${e.folder}#chart-${id}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
