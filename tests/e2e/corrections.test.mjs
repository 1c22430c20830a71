// Corrections made after publication, on a report built with one (the good fixture folder with
// tests/fixtures/corrected added, as data/README.md says to add one; `./x test` builds it into
// dist-corrected): the method section lists it, the corrected chart says so with a link to the
// list, its embed shows it above the chart when the embed code predates it (and only in its
// notes when the code was copied from the release that carries it), and the data package
// lists it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, openPage, useReport, waitReady } from './browser.mjs';

const DIST = resolve(process.env.REPORT_CORRECTED_DIST ?? join(ROOT, 'dist-corrected'));
const FIXTURE = join(ROOT, 'tests/fixtures/corrected');
const toml = readFileSync(join(FIXTURE, 'corrections.toml'), 'utf8');
const ID = toml.match(/^id = "(.+)"$/m)[1];
const DAY = toml.match(/^date = "(.+)"$/m)[1];
const CHART = toml.match(/^charts = \["(.+?)"/m)[1];
const TEXT = readFileSync(join(FIXTURE, 'text.en.toml'), 'utf8').match(/^text = "(.+)"$/m)[1];
const UPDATED = readFileSync(join(ROOT, 'tests/fixtures/good/charts.toml'), 'utf8').match(/^updated = "(.+)"$/m)[1];
const env = useReport(DIST);

const dayBefore = (iso) => new Date(Date.parse(iso) - 86400000).toISOString().slice(0, 10);

test('the page lists the correction and the corrected chart says so, with a link to it', async () => {
  const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
  await page.goto(`${env.origin}/`);
  await waitReady(page);
  const entry = page.locator(`#correction-${ID}`);
  assert.equal(await page.locator('#corrections').count(), 1, 'the list has its heading');
  assert.match(await entry.textContent(), new RegExp(`^Corrected \\d+ \\w+ \\d{4}: ${TEXT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.equal(await entry.locator('time').getAttribute('datetime'), DAY);
  assert.equal(await entry.locator(`a[href="#chart-${CHART}"]`).count(), 1, 'it links to the chart it changed');
  const figure = page.locator(`figure[data-chart="${CHART}"]`);
  const notice = figure.locator('p.correction');
  assert.equal(await notice.count(), 1);
  assert.ok((await notice.textContent()).includes(TEXT));
  const [n, c] = [await notice.boundingBox(), await figure.locator('.chart').boundingBox()];
  assert.ok(n.y + n.height <= c.y, 'above the chart');
  // Only the corrected chart says so.
  assert.equal(await page.locator('figure[data-chart] p.correction').count(), 1);
  // The link goes to the entry in the list.
  await notice.locator('a').click();
  await page.waitForFunction((id) => {
    const r = document.getElementById(`correction-${id}`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, ID);
  // Arriving at the entry's address is no unknown section: no note.
  await page.goto(`${env.origin}/#correction-${ID}`);
  await waitReady(page);
  assert.equal(await page.locator('#url-note').isVisible(), false);
  // The embed code records the release it is copied from.
  await figure.locator('details.figure-tools > summary').click();
  const code = await figure.locator('textarea.embed-code[data-kind="iframe"]').inputValue();
  assert.ok(code.includes(`embed/${CHART}.html?updated=${UPDATED}"`), code);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [what, search, first] of [
  ['an embed code older than the release parameter', '', true],
  ['an embed code copied before the correction', `?updated=${dayBefore(DAY)}`, true],
  ['an embed code copied from the release that carries it', `?updated=${UPDATED}`, false],
  ['a static embed', '?static=1', true],
]) {
  test(`the embed, from ${what}: the correction ${first ? 'above the chart and' : 'only'} in its notes`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width: 600 });
    await page.goto(`${env.origin}/embed/${CHART}.html${search}`);
    await waitReady(page);
    const top = page.locator('p.correction-first');
    assert.equal(await top.isVisible(), first, 'above the chart');
    if (first) {
      assert.ok((await top.textContent()).includes(TEXT));
      const [n, c] = [await top.boundingBox(), await page.locator('.chart').boundingBox()];
      assert.ok(n.y + n.height <= c.y, 'before the chart');
      assert.equal(await top.locator('a').getAttribute('href'), `./#correction-${ID}`);
      assert.equal(await top.locator('a').getAttribute('target'), '_blank');
    }
    await page.locator('details.embed-data > summary').click();
    const notes = page.locator('details.embed-data p.correction');
    assert.equal(await notes.count(), 1);
    assert.ok(await notes.isVisible());
    assert.ok((await notes.textContent()).includes(TEXT));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the data package lists the correction', async () => {
  const descriptor = await (await fetch(`${env.origin}/downloads/datapackage.json`)).json();
  const resource = descriptor.resources.find((r) => r.name === 'corrections');
  assert.deepEqual(resource.schema.fields.map((f) => f.name), ['id', 'date', 'charts', 'values', 'text']);
  const csv = (await (await fetch(`${env.origin}/downloads/${resource.path}`)).text()).replace(/^\uFEFF/, '');
  const [, row] = csv.trim().split('\n');
  assert.ok(row.startsWith(`${ID},${DAY},${CHART},`), row);
  assert.ok(row.includes(TEXT.replace(/"/g, '""')), row);
});
