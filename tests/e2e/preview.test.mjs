// The live preview (`./x serve`) of a folder `./x new` writes: the preview server and the
// development build's page shell (target/preview/shell, which ./x builds), in Chromium. The new
// folder is ready with every chart drawn; an edit to values.csv and to a catalog each reach the
// open page without a reload by hand, a broken file puts the problem list (file and line) in
// the page, and its repair brings the page back; each within 10 s. The times are printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, inkedCanvases, launch } from './browser.mjs';

const SHELL = join(ROOT, 'target/preview/shell');
const SERVER = join(ROOT, 'target/debug/report-preview');
const PORT = 8097;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LIMIT_MS = 10_000;

let dir;
let server;
let browser;
let log = '';

before(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'preview-')), 'report');
  execFileSync(join(ROOT, 'x'), ['new', dir]);
  server = spawn(SERVER, [dir, SHELL, String(PORT)], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the preview did not start: ${log}`)), 30_000);
    server.stderr.on('data', (d) => {
      log += d;
      if (log.includes(`127.0.0.1:${PORT}/`)) {
        clearTimeout(timer);
        ok();
      }
    });
    server.on('exit', (code) => fail(new Error(`the preview stopped (${code}): ${log}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
});

/// Write `file` of the folder as `edit` makes it from its text now.
function edit(file, change) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the edit changes ${file}`);
  writeFileSync(path, after);
}

/// How long until `check` (in the page) holds, polling; fails past the limit.
async function within(page, what, check, arg) {
  const start = Date.now();
  for (;;) {
    const ok = await page.evaluate(check, arg).catch(() => false);
    if (ok) return Date.now() - start;
    if (Date.now() - start > LIMIT_MS) {
      const text = await page.evaluate(() => document.body?.innerText.slice(0, 400)).catch(() => '');
      assert.fail(`${what}: not on screen within ${LIMIT_MS} ms (page: ${text}; server: ${log.slice(-600)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ready = () => document.documentElement.dataset.reportState === 'ready';
const cell = (text) => [...document.querySelectorAll('figure[data-chart="trust-2024"] td')].some((td) => td.textContent.includes(text));

test('an edit, a broken file and its repair each reach the open page within 10 s', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ORIGIN + '/');
  await within(page, 'the first page', ready);
  assert.ok(await page.evaluate(cell, '24.8'), 'the page shows the folder’s figure 24.8');
  const CHARTS = [...readFileSync(join(dir, 'charts.toml'), 'utf8').matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]);
  assert.deepEqual(await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart)), CHARTS);
  const inked = await inkedCanvases(page);
  assert.equal(inked.length, CHARTS.length, 'a canvas per chart');
  for (const [i, n] of inked.entries()) assert.ok(n > 200, `${CHARTS[i]}: drawn (${n} inked pixels)`);
  await page.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/preview-new-report.png'), fullPage: true });

  const times = {};
  edit('values.csv', (t) => t.replace('trust,2024,ASEAN,China,24.8,', 'trust,2024,ASEAN,China,24.7,'));
  times.value = await within(page, 'the edited value', () => document.documentElement.dataset.reportState === 'ready'
    && [...document.querySelectorAll('figure[data-chart="trust-2024"] td')].some((td) => td.textContent.includes('24.7')));

  edit('text.en.toml', (t) => t.replace('[chart.trust-2024]\ntitle = "Trust in each power"', '[chart.trust-2024]\ntitle = "Trust, as edited"'));
  times.catalog = await within(page, 'the edited title', () => document.documentElement.dataset.reportState === 'ready'
    && document.querySelector('figure[data-chart="trust-2024"] figcaption')?.textContent.includes('Trust, as edited'));

  edit('values.csv', (t) => t.replace('trust,2024,ASEAN,China,24.7,', 'trust,2024,ASEAN,China,124.7,'));
  times.broken = await within(page, 'the problem list', () => {
    const items = [...document.querySelectorAll('#preview-problems li')].map((li) => li.textContent);
    return items.some((p) => p.includes('values.csv:5:') && p.includes('124.7'));
  });
  const listed = await page.$$eval('#preview-problems li', (lis) => lis.map((li) => li.textContent));
  assert.ok(listed.every((p) => /\.(csv|toml):\d+:/.test(p)), `every problem names its file and line: ${listed}`);

  edit('values.csv', (t) => t.replace('trust,2024,ASEAN,China,124.7,', 'trust,2024,ASEAN,China,24.6,'));
  times.repaired = await within(page, 'the repaired page', () => document.documentElement.dataset.reportState === 'ready'
    && [...document.querySelectorAll('figure[data-chart="trust-2024"] td')].some((td) => td.textContent.includes('24.6')));

  console.log(`preview: on screen after an edit of values.csv ${times.value} ms, of a catalog ${times.catalog} ms; the problem list ${times.broken} ms; back after the repair ${times.repaired} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the server answers the pages it does not write with a note, and never stops', async () => {
  const res = await fetch(ORIGIN + '/embed/trust-2024.html');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /release build/);
  assert.equal(server.exitCode, null, 'the server still runs');
});
