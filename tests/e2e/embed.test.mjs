// Embedding: a host page on another loopback port (another origin) embeds every chart three
// ways (the real pym.js parent and a Datawrapper-style listener with the embed code, which
// loads the chart's embed document; a plain sandboxed iframe of the report's own address with
// `?embed=ID`, which keeps working). Each
// iframe ends at its document's content height at 1000, 600 and 320 px, shrinking and growing
// with the host; under the strict CSP nothing is violated and no request leaves the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { axe, launch, openPage, waitReady } from './browser.mjs';
import { releaseQuery, valuesByKey } from './data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const RELEASE = releaseQuery(join(HERE, '../../data'));
const DIST = resolve(process.env.REPORT_DIST ?? join(HERE, '../../dist'));
const PYM = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'), 'utf8');
// @newswire/frames' parent (Reuters-style hosts, newsrooms that left pym.js for AMP's protocol):
// it auto-initialises every <div data-frame-src>, says frames-init and listens for embed-size.
// (Its package exports only the ES module; the UMD build a host page's <script> loads sits beside it.)
const FRAMES = readFileSync(join(dirname(createRequire(import.meta.url).resolve('@newswire/frames')), 'frames.umd.js'), 'utf8');
const CHARTS = [
  'trust-2024', 'trust-trend', 'china-distrust-reason', 'japan-trust-reasons', 'rivalry-response',
  'third-party-partner', 'alignment-by-country', 'strategic-relevance', 'influence',
  'travel-destination', 'live-work',
];

let report, host, browser, codes;
before(async () => {
  report = await serve(DIST);
  browser = await launch();
  // The embed code, as a journalist copies it from the report page.
  const page = await browser.newPage();
  await page.goto(report.origin + '/');
  await waitReady(page);
  codes = {};
  for (const id of CHARTS) {
    await page.click(`figure[data-chart="${id}"] details.figure-tools summary`);
    await page.waitForSelector(`#${id}-embed[data-ready]`, { state: 'attached', timeout: 20_000 });
    codes[id] = { iframe: await page.inputValue(`#${id}-embed`), pym: await page.inputValue(`#${id}-pym`) };
  }
  await page.close();
  const listener = codes[CHARTS[0]].iframe.slice(codes[CHARTS[0]].iframe.indexOf('<script>'));
  const wrap = (body) => ({ type: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title></head><body style="margin:0"><p>Article text.</p>${body}<p>More article text.</p></body></html>` });
  host = await serve(HERE, {
    files: {
      '/pym.v1.min.js': { type: 'text/javascript', body: PYM },
      // Eager here so all eleven load at once; the lazy attribute itself is checked above.
      '/datawrapper.html': wrap(CHARTS.map((id) => codes[id].iframe.replace(listener, '').replace('loading="lazy"', 'loading="eager"')).join('\n') + listener),
      '/pym.html': wrap(CHARTS.map((id) => codes[id].pym.replace(/<script src="[^"]*pym[^"]*"><\/script>/, '<script src="/pym.v1.min.js"></script>')).join('\n')),
      // An AMP page's amp-iframe adds #amp=1 to the frame's address and listens for AMP's
      // resize request; this host does what the AMP runtime does with it.
      '/amp.html': wrap(`<iframe id="amp" title="amp" src="${report.origin}/embed/${CHARTS[0]}.html#amp=1" style="width:600px;border:0" height="300"></iframe>
<script>window.__amp = []; window.addEventListener('message', function (e) { var d = e.data; if (d && d.sentinel === 'amp' && d.type === 'embed-size') { window.__amp.push(d.height); document.getElementById('amp').style.height = d.height + 'px'; } });</script>`),
      '/frames.js': { type: 'text/javascript', body: FRAMES },
      '/frames.html': wrap(CHARTS.map((id) => `<div data-frame-src="${report.origin}/embed/${id}.html"></div>`).join('\n') + '<script src="/frames.js"></script><script>newswireFrames.autoInitFrames();</script>'),
      '/sandboxed.html': wrap(CHARTS.map((id) => `<iframe sandbox="allow-scripts" title="${id}" src="${report.origin}/?embed=${id}" style="width:100%;border:0" height="150"></iframe>`).join('\n') + listener),
    },
  });
});
after(async () => {
  await browser?.close();
  report?.server.close();
  host?.server.close();
});

test('the embed code points at the report, with a starting height and the listener', () => {
  for (const id of CHARTS) {
    const code = codes[id].iframe;
    assert.ok(code.startsWith(`<iframe title="`), id);
    assert.ok(code.includes(`src="${report.origin}/embed/${id}.html${RELEASE}"`), id);
    assert.match(code, /loading="lazy" height="\d+"/, id);
    assert.ok(code.includes('style="width:1px;min-width:100%;border:0"'), id);
    assert.ok(code.includes('datawrapper-height'), id);
    assert.ok(codes[id].pym.includes(`new pym.Parent("report-${id}", "${report.origin}/embed/${id}.html${RELEASE}"`), id);
  }
});

const CSP_PROBE = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
`;

for (const mode of ['datawrapper', 'pym', 'sandboxed', 'frames']) {
  test(`${mode}: every embed sizes itself at 1000, 600 and 320 px, narrowing and widening`, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.addInitScript(CSP_PROBE);
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const from = r.frame()?.parentFrame() ? 'frame' : 'host';
      const origin = new URL(r.url()).origin;
      const allowed = from === 'frame' ? [report.origin] : [host.origin, report.origin];
      if (!r.url().startsWith('data:') && !allowed.includes(origin)) problems.push(`${from} request to ${r.url()}`);
    });
    await page.goto(`${host.origin}/${mode}.html`);
    await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, CHARTS.length);
    const frames = async () => page.frames().filter((f) => f.url().startsWith(report.origin));
    await page.waitForFunction(() => true);
    for (const f of await frames()) await waitReady(f);

    // Chromium pauses rendering (and with it ResizeObserver) in cross-origin frames that are
    // out of view, so each embed is brought into view, as a reader scrolling the article would.
    const check = async (width) => {
      await page.setViewportSize({ width, height: 900 });
      const out = [];
      for (const f of await frames()) {
        const el = await f.frameElement();
        await el.scrollIntoViewIfNeeded();
        const u = new URL(f.url());
        const id = u.searchParams.get('embed') ?? u.pathname.split('/').pop().replace('.html', '');
        const deadline = Date.now() + 15_000;
        let last;
        while (Date.now() < deadline) {
          const outer = (await el.boundingBox()).height;
          // The document's full height: its root box (every margin in it) and, once the frame
          // fits, its scroll height (which a frame too short for its content exceeds).
          const [inner, scroll] = await f.evaluate(() => [Math.ceil(document.documentElement.getBoundingClientRect().height), document.documentElement.scrollHeight]);
          last = { id, outer, inner, scroll };
          if (Math.abs(outer - inner) <= 1 && Math.abs(outer - scroll) <= 1) break;
          await page.waitForTimeout(100);
        }
        assert.ok(Math.abs(last.outer - last.inner) <= 1 && Math.abs(last.outer - last.scroll) <= 1, `${mode} at ${width} px: ${JSON.stringify(last)}`);
        out.push(last);
      }
      assert.equal(out.length, CHARTS.length);
      return out;
    };
    const wide = await check(1000);
    const mid = await check(600);
    const narrow = await check(320);
    const again = await check(1000);
    for (const [i, w] of wide.entries()) {
      assert.ok(narrow[i].outer > w.outer, `${w.id}: grows when the host narrows (${w.outer} -> ${narrow[i].outer})`);
      assert.ok(again[i].outer < narrow[i].outer, `${w.id}: shrinks when the host widens again`);
      assert.ok(mid[i].outer >= w.outer, `${w.id}: 600 px is at least as tall as 1000 px`);
    }
    for (const f of await frames()) assert.deepEqual(await f.evaluate(() => window.__csp), [], 'no CSP violation');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// pym.js's old bug #83: a height read from the body misses a first child's top margin, which
// collapses through a body without top padding, and the host clips the bottom.
for (const mode of ['datawrapper', 'frames']) {
  test(`${mode}: the height is the document's, whatever margins its content has`, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.origin}/${mode}.html`);
    const f = page.frames().find((x) => x.url().startsWith(`${report.origin}/embed/${CHARTS[0]}.html`)) ??
      (await page.waitForEvent('frameattached'));
    await waitReady(f);
    const el = await f.frameElement();
    await el.scrollIntoViewIfNeeded();
    // Margins that collapse through the body: the first child in flow's top, the last's bottom.
    const collapsed = await f.evaluate(() => {
      const shown = [...document.body.children].filter((c) => c.getClientRects().length && ['static', 'relative'].includes(getComputedStyle(c).position));
      shown[0].style.marginTop = '40px';
      shown.at(-1).style.marginBottom = '30px';
      return Math.ceil(document.documentElement.getBoundingClientRect().height - document.body.getBoundingClientRect().height);
    });
    assert.ok(collapsed >= 40, `the margins lie outside the body (${collapsed} px)`);
    let last;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      const outer = (await el.boundingBox()).height;
      const scroll = await f.evaluate(() => document.documentElement.scrollHeight);
      last = { outer, scroll };
      if (Math.abs(outer - scroll) <= 1) break;
    }
    assert.ok(Math.abs(last.outer - last.scroll) <= 1, `${mode}: ${JSON.stringify(last)}`);
    await context.close();
  });
}

test('a compact embed: at 600 px all but the chart fits in 360 px, and the data is one disclosure away', async () => {
  const { context, page, problems } = await openPage(browser, report.origin, { width: 600 });
  for (const id of CHARTS) {
    await page.goto(`${report.origin}/embed/${id}.html`);
    await waitReady(page);
    const m = await page.evaluate(() => {
      const body = document.body.getBoundingClientRect().height;
      const chart = document.querySelector('figure .chart').getBoundingClientRect().height;
      const d = document.querySelector('details.embed-data');
      return {
        rest: body - chart,
        closed: !d.open,
        table: !!d.querySelector('table.data-table'),
        source: !!d.querySelector('p.source:not(.source-short)'),
        short: document.querySelector('p.source-short')?.textContent ?? '',
        summary: document.getElementById(document.querySelector('.chart').getAttribute('aria-describedby').split(' ')[0])?.textContent ?? '',
      };
    });
    assert.ok(m.rest <= 360, `${id}: ${Math.ceil(m.rest)} px besides the chart`);
    assert.ok(m.closed && m.table && m.source, `${id}: the table and the sources are in the closed disclosure`);
    assert.match(m.short, /^Source: .*Figures as reported by \d+ publications/, id);
    // The chart in words comes first among what the chart announces: values, range, gaps.
    assert.match(m.summary, /^The chart shows \d+ published values in \d+ rows\. The highest is /, id);
  }
  // The disclosure is reached by keyboard and opens with Enter.
  await page.goto(`${report.origin}/embed/${CHARTS[0]}.html`);
  await waitReady(page);
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.matches('details.embed-data > summary'))); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await page.evaluate(() => document.activeElement?.matches('details.embed-data > summary')), 'Tab reaches "Data and notes"');
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.querySelector('details.embed-data').open), 'Enter opens it');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const mode of ['datawrapper', 'pym', 'amp', 'frames']) {
  test(`${mode}: opening "Data and notes" grows the frame, and closing it shrinks it`, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.origin}/${mode}.html`);
    const frame = async () => {
      const f = page.frames().find((x) => x.url().startsWith(`${report.origin}/embed/${CHARTS[0]}.html`));
      await waitReady(f);
      return f;
    };
    const f = await frame();
    const el = await f.frameElement();
    await el.scrollIntoViewIfNeeded();
    const fits = async (what) => {
      const deadline = Date.now() + 15_000;
      let last;
      while (Date.now() < deadline) {
        const outer = (await el.boundingBox()).height;
        const [inner, scroll] = await f.evaluate(() => [Math.ceil(document.documentElement.getBoundingClientRect().height), document.documentElement.scrollHeight]);
        last = { outer, inner, scroll };
        if (Math.abs(outer - inner) <= 1 && Math.abs(outer - scroll) <= 1) return outer;
        await page.waitForTimeout(100);
      }
      assert.fail(`${mode}, ${what}: the frame is ${last.outer} px for ${last.inner} px of content`);
    };
    const closed = await fits('closed');
    await f.click('details.embed-data > summary');
    const open = await fits('open');
    assert.ok(open > closed + 200, `${mode}: opened, the frame grew (${closed} -> ${open})`);
    await f.click('details.embed-data > summary');
    assert.ok(Math.abs((await fits('closed again')) - closed) <= 2, `${mode}: closed again, back to ${closed}`);
    if (mode === 'amp') {
      const sent = await page.evaluate(() => window.__amp);
      assert.ok(sent.length >= 3, `AMP resize requests were sent (${sent})`);
    }
    await context.close();
  });
}

test('every embed view shows its one figure without layout shift and has no WCAG A/AA violation', async () => {
  const { context, page, problems } = await openPage(browser, report.origin, { width: 600 });
  for (const address of CHARTS.flatMap((id) => [`/embed/${id}.html`, `/?embed=${id}`])) {
    const id = address.includes('?') ? address.split('=')[1] : address.slice(7, -5);
    await page.goto(report.origin + address);
    await waitReady(page);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__cls), 0, `${id}: the figure appears in place, nothing moves`);
    assert.equal(await page.$$eval('figure:not([hidden])', (fs) => fs.filter((f) => f.offsetParent !== null).length), 1, `${id}: one figure shown`);
    assert.deepEqual(await axe(page), [], id);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile or unknown embed parameters show a short safe message', async () => {
  const context = await browser.newContext({ viewport: { width: 400, height: 600 } });
  await context.addInitScript('window.__alerts = 0; window.alert = () => { window.__alerts++; };');
  const page = await context.newPage();
  const cases = [
    ['?embed=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /does not exist/],
    ['?embed=<img src=x onerror=alert(1)>', /does not exist/],
    ['?embed=../../etc/passwd', /does not exist/],
    ['?embed=' + 'a'.repeat(10_000), /does not exist/],
    ['?embed=trust-2024&theme=%00', /unknown theme/],
    ['?embed=trust-2024&childId=%22%3E%3Cb%3E', /child id/],
    ['embed/trust-2024.html?theme=%3Cb%3E', /unknown theme/],
    ['embed/influence.html?childId=a%20b', /child id/],
  ];
  for (const [query, message] of cases) {
    await page.goto(`${report.origin}/${query}`);
    await page.waitForSelector('html[data-report-state="error"]', { state: 'attached', timeout: 20_000 });
    const text = await page.textContent('#embed-message');
    assert.match(text, message, query.slice(0, 40));
    assert.ok(text.length < 200, 'short');
    assert.equal(await page.$$eval('#embed-message *', (e) => e.length), 0, 'text only, no markup');
    assert.equal(await page.isVisible('main'), false, 'not the full report');
    assert.equal(await page.evaluate(() => window.__alerts), 0);
  }
  // A bad country in a good embed: the chart, ASEAN-wide, with a note.
  await page.goto(`${report.origin}/?embed=alignment-by-country&country=%00`);
  await waitReady(page);
  assert.ok(await page.isVisible('figure[data-chart="alignment-by-country"] canvas'));
  assert.ok(await page.isVisible('#url-note'));
  await page.goto(`${report.origin}/embed/alignment-by-country.html?country=%00`);
  await waitReady(page);
  assert.ok(await page.isVisible('figure[data-chart="alignment-by-country"] canvas'));
  assert.ok(await page.isVisible('#url-note'));
  await context.close();
});

// An embed document carries its chart's views built (the region's and each member state's);
// its country selector shows them as the report page does.
test('in an embed document the country selector shows each member state\'s view, and ?country= starts there', async () => {
  const VALUES = valuesByKey(resolve(process.env.REPORT_DATA_DIR ?? join(HERE, '../../data')));
  const { context, page, problems } = await openPage(browser, report.origin, { width: 600 });
  const table = () => page.$eval('table.data-table', (t) => t.outerHTML);
  const pixels = () => page.$eval('figure canvas', (c) => c.toDataURL());
  const checkCells = async (what) => {
    const cells = await page.$$eval('td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
    assert.ok(cells.length > 0, what);
    for (const [key, text] of cells) assert.equal(text, VALUES.get(key), `${what}: ${key}`);
  };
  for (const folder of ['', 'th/']) {
    for (const id of ['trust-2024', 'alignment-by-country']) {
      const doc = `${report.origin}/${folder}embed/${id}.html`;
      await page.goto(doc);
      await waitReady(page);
      const select = `#${id}-country`;
      const members = await page.$$eval(`${select} option`, (os) => os.map((o) => o.value).filter(Boolean));
      assert.equal(members.length, 10, `${folder}${id}: the member states are offered`);
      const region = { table: await table(), pixels: await pixels() };
      await checkCells(`${folder}${id}`);
      const seen = new Set([region.table]);
      for (const code of ['TH', 'VN', 'SG']) {
        await page.selectOption(select, code);
        await page.waitForFunction((t) => document.querySelector('table.data-table').outerHTML !== t, region.table);
        const view = { table: await table(), pixels: await pixels() };
        assert.ok(!seen.has(view.table), `${folder}${id} ${code}: its own table`);
        seen.add(view.table);
        assert.notEqual(view.pixels, region.pixels, `${folder}${id} ${code}: redrawn`);
        await checkCells(`${folder}${id} ${code}`);
        // The same view from the address.
        await page.goto(`${doc}?country=${code}`);
        await waitReady(page);
        assert.equal(await page.inputValue(select), code);
        assert.equal(await table(), view.table, `${folder}${id} ?country=${code}`);
        await page.goto(doc);
        await waitReady(page);
      }
      await page.selectOption(select, 'TH');
      await page.waitForFunction((t) => document.querySelector('table.data-table').outerHTML !== t, region.table);
      await page.selectOption(select, '');
      await page.waitForFunction((t) => document.querySelector('table.data-table').outerHTML === t, region.table);
      assert.equal(await pixels(), region.pixels, `${folder}${id}: back to the region`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});
