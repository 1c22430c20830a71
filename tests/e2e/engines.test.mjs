// The report in the two other engines: Firefox (Gecko) and WebKit (Safari's engine, which every
// browser on an iPhone uses). In each, for the page and one embed: it reaches ready with every
// chart drawn (canvas pixels read back), a keyboard walk through one chart announces the table's
// values, hovering a bar shows its tooltip, the country selector changes the chart and the URL,
// and the embed, framed by a page on another origin, sends its height message.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, EXAMPLE_DIST, ROOT } from './browser.mjs';
import { valuesByKey } from './data.mjs';
import { firefox, webkit, until } from './engines.mjs';
import { serve } from './server.mjs';

const VALUES = valuesByKey(join(ROOT, 'data'));
const SHOTS = join(ROOT, 'tests/e2e/artifacts');
mkdirSync(SHOTS, { recursive: true });
const CHART = 'trust-2024';

// Every figure's canvas: its id and how many pixels are painted.
function inked() {
  return [...document.querySelectorAll('figure[data-chart]')].map((f) => {
    const c = f.querySelector('.chart canvas');
    if (!c) return [f.dataset.chart, 0];
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return [f.dataset.chart, n];
  });
}

// The chart focused and walked by ArrowRight through its first `count` points: each
// announcement names the point and says the value its table gives. Returns the table's points.
async function walk(d, id, count) {
  const table = await d.run((chart) => {
    const t = document.querySelector(`figure[data-chart="${chart}"] table`);
    const series = [...t.querySelectorAll('thead th.num')].map((th) => th.textContent.trim());
    return [...t.querySelectorAll('tbody tr')].flatMap((tr) => [...tr.querySelectorAll('td.num')].map((td, s) => ({
      name: `${tr.querySelector('th').textContent.trim()}, ${series[s]}`, text: td.textContent.trim(),
    })));
  }, id);
  await d.run((chart) => document.querySelector(`figure[data-chart="${chart}"] .chart`).focus(), id);
  assert.equal(await d.run(() => document.activeElement.closest('figure')?.dataset.chart), id, 'the chart has focus');
  for (const p of table.slice(0, count)) {
    await d.key('ArrowRight');
    const said = await until(d, `the announcement of ${p.name}`, (name) => {
      const t = document.getElementById('announcer').textContent;
      return t.startsWith(`${name}: `) && t;
    }, p.name);
    const value = said.slice(p.name.length + 2).split('. ')[0].replace(/%$/, '').replace(/\.$/, '');
    assert.equal(value, p.text, `${d.name}: ${p.name}`);
  }
  return table;
}

function state() {
  const s = document.documentElement.dataset.reportState;
  return s === 'loading' ? null : [s, document.getElementById('report-status')?.textContent ?? ''];
}

for (const start of [firefox, webkit]) {
  describe(`${start.name === 'firefox' ? 'Firefox' : 'WebKit'}`, () => {
    let d, report, host, example;
    before(async () => {
      report = await serve(DIST);
      example = await serve(EXAMPLE_DIST);
      d = await start({ width: 1280, height: 900 });
      // A host page on another origin: the journalist's article, with a listener that keeps
      // every message the frame sends.
      host = await serve(ROOT, {
        files: {
          '/article.html': {
            type: 'text/html; charset=utf-8',
            body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body style="margin:0">
<p>Article text.</p>
<iframe id="frame" title="chart" src="${report.origin}/embed/${CHART}.html" style="width:600px;border:0" height="400" scrolling="no"></iframe>
<script>window.__messages = []; window.addEventListener('message', (e) => window.__messages.push(e.data));</script>
</body></html>`,
          },
        },
      });
    });
    after(async () => {
      await d?.close();
      report?.server.close();
      host?.server.close();
      example?.server.close();
    });

    // A line chart (the example report has one; this report's build carries none).
    test('the example report reaches ready with its line chart drawn and walked by keyboard', async () => {
      await d.open(example.origin + '/');
      const [s, status] = await until(d, 'the example to start', state);
      assert.equal(s, 'ready', `report state (${status})`);
      const lines = await d.run(() => [...document.querySelectorAll('figure[data-chart]')].map((f) => f.dataset.chart));
      const charts = new Map(await d.run(inked));
      assert.ok(lines.includes('trust-trend'), 'the example has its line chart');
      assert.ok(charts.get('trust-trend') > 2000, `${d.name}: the line chart is drawn (${charts.get('trust-trend')} painted pixels)`);
      // Its keyboard walk: the first points, year by year, as its table gives them.
      await walk(d, 'trust-trend', 5);
      await d.key('Escape');
      await d.screenshot(join(SHOTS, `engine-${d.name}-line.png`));
      await d.open(report.origin + '/');
      await until(d, 'the report to start', state);
    });

    test('the page reaches ready with every chart drawn', async () => {
      await d.open(report.origin + '/');
      const [s, status] = await until(d, 'the report to start', state);
      assert.equal(s, 'ready', `report state (${status})`);
      const charts = await d.run(inked);
      assert.equal(charts.length, 11, 'every figure');
      for (const [id, n] of charts) assert.ok(n > 5000, `${d.name}: ${id} is drawn (${n} painted pixels)`);
      await d.screenshot(join(SHOTS, `engine-${d.name}-page.png`));
    });

    // The translated editions: the Japanese and Thai pages start in this engine too, in their
    // language, with every chart drawn (their text drawn with the Japanese and Thai fonts).
    for (const lang of ['ja', 'th']) {
      test(`the ${lang} edition reaches ready with every chart drawn`, async () => {
        await d.open(`${report.origin}/${lang}/`);
        const [s, status] = await until(d, 'the report to start', state);
        assert.equal(s, 'ready', `report state (${status})`);
        assert.equal(await d.run(() => document.documentElement.lang), lang);
        const charts = await d.run(inked);
        assert.equal(charts.length, 11, 'every figure');
        for (const [id, n] of charts) assert.ok(n > 5000, `${d.name} ${lang}: ${id} is drawn (${n} painted pixels)`);
        await d.screenshot(join(SHOTS, `engine-${d.name}-${lang}.png`));
        await d.open(report.origin + '/');
        await until(d, 'the report to start', state);
      });
    }

    test('a keyboard walk through one chart announces the table\'s values', async () => {
      const table = await walk(d, CHART, 4);
      await d.key('Home');
      await until(d, 'Home to go back to the first value', (name) => document.getElementById('announcer').textContent.startsWith(name), table[0].name);
      await d.key('Escape');
    });

    test('hovering a bar shows its tooltip', async () => {
      const box = await d.run((id) => {
        const c = document.querySelector(`figure[data-chart="${id}"] canvas`);
        c.scrollIntoView({ block: 'center' });
        const r = c.getBoundingClientRect();
        return { x: r.left, y: r.top };
      }, CHART);
      // Japan's trust bar: the first row's first lane.
      await d.move(box.x + 120, box.y + 30);
      const tip = await until(d, 'the tooltip', (id) => {
        const t = document.querySelector(`figure[data-chart="${id}"] .tooltip`);
        return !t.hidden && t.textContent;
      }, CHART);
      assert.equal(tip, `Japan, Trust: ${VALUES.get('trust/2024/ASEAN/Japan')}%. 2024, all respondents.`);
      await d.move(box.x + 120, Math.max(box.y - 150, 1));
      await until(d, 'the tooltip to close', (id) => document.querySelector(`figure[data-chart="${id}"] .tooltip`).hidden, CHART);
    });

    test('the country selector changes the chart, its table and the address', async () => {
      await d.run((id) => {
        const s = document.getElementById(`${id}-country`);
        s.value = 'TH';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      }, CHART);
      const row = await until(d, 'the Thai column', (id) => {
        const t = document.querySelector(`figure[data-chart="${id}"] table`);
        const heads = [...t.querySelectorAll('thead th.num')].map((th) => th.textContent);
        if (!heads.includes('Thailand')) return null;
        return [...t.querySelector('tbody tr').querySelectorAll('td.num')].map((td) => td.textContent);
      }, CHART);
      assert.deepEqual(row, [VALUES.get('trust/2024/ASEAN/Japan'), VALUES.get('trust/2024/TH/Japan')]);
      assert.match(await d.run(() => location.search), /country=TH/);
    });

    test('the embed, framed by another site, sends its height', async () => {
      // The embed document on its own, in a narrow window: the height its content needs at
      // that width.
      await d.size(640, 900);
      await d.open(`${report.origin}/embed/${CHART}.html`);
      const [s] = await until(d, 'the embed to start', state);
      assert.equal(s, 'ready');
      const own = await d.run(() => ({ width: document.body.getBoundingClientRect().width, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }));
      // The same document framed by an article on another origin, at that width.
      await d.size(1280, 900);
      await d.open(`${host.origin}/article.html?width=${own.width}`);
      await d.run((w) => { document.getElementById('frame').style.width = `${w}px`; }, own.width);
      const sent = await until(d, 'a datawrapper-height message for the framed width', (id, h) => {
        const m = window.__messages.filter((x) => x && x['datawrapper-height'] && x['datawrapper-height'][id]);
        const last = m.length && m.at(-1)['datawrapper-height'][id];
        return Math.abs(last - h) <= 2 && last;
      }, CHART, own.height);
      assert.ok(Math.abs(sent - own.height) <= 2, `${d.name}: sent ${sent}, content ${own.height} at ${own.width} px`);
      // The same height in AMP's embed-size, which a @newswire/frames host sizes its frame by.
      const amp = await until(d, 'an embed-size message', () => {
        const m = window.__messages.filter((x) => x && x.sentinel === 'amp' && x.type === 'embed-size');
        return m.length && m.at(-1).height;
      });
      assert.equal(amp, sent, `${d.name}: embed-size ${amp}, datawrapper-height ${sent}`);
      await d.run((h) => { document.getElementById('frame').style.height = `${h}px`; }, sent);
      await d.screenshot(join(SHOTS, `engine-${d.name}-embed.png`));
    });

    test('a static embed shows its chart and table and loads no WebAssembly', async () => {
      await d.size(640, 900);
      await d.open(`${report.origin}/embed/${CHART}.html?static=1&plain=1&country=TH`);
      const got = await until(d, 'the static embed to be ready and loaded', () => {
        const r = document.documentElement;
        if (r.dataset.reportState !== 'ready' || document.readyState !== 'complete') return null;
        return {
          path: location.pathname,
          flags: ['plain', 'static'].filter((f) => r.hasAttribute(`data-${f}`)),
          canvas: !!document.querySelector('canvas'),
          still: document.querySelector('svg.static-chart').getBoundingClientRect().height > 0,
          title: getComputedStyle(document.querySelector('.chart-title')).display,
          rows: [...document.querySelectorAll('table.data-table tbody tr')].map((tr) => tr.textContent).join(' | '),
          fetched: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm') || /embed-[0-9a-f]{16}\.js$/.test(n)),
        };
      });
      assert.equal(got.path, `/embed/${CHART}.th.html`, `${d.name}: the member state's static document`);
      assert.deepEqual(got.flags, ['plain', 'static']);
      assert.deepEqual(got.fetched, [], `${d.name}: no WASM or glue`);
      assert.ok(got.still && !got.canvas && got.title === 'none', JSON.stringify(got));
      assert.ok(got.rows.includes(VALUES.get('trust/2024/TH/Japan')), got.rows);
      await d.screenshot(join(SHOTS, `engine-${d.name}-static.png`));
    });
  });
}
