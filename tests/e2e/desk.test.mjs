// A desk read of every edition over the built site, as an editor in Tokyo or Bangkok reads
// it: the page with and without script, every embed document, the live region through a
// keyboard walk of a chart, a tooltip, the embed codes, and the oEmbed answers. It refuses
// Latin punctuation between Japanese words, Latin commas or semicolons between Thai words,
// stacked parentheses, a second calendar, English interface sentences in a translation, and a
// note that names one source twice (in every edition). The rules are in desk.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, openPage, useReport, waitReady } from './browser.mjs';
import { catalog, editionLangs, isCountryDocument } from './data.mjs';
import { faults, ownNames, withoutNames, readDocument, readRepeatedSources } from './desk.mjs';

const DATA = process.env.REPORT_DATA_DIR ?? join(ROOT, 'data');
const LANGS = editionLangs(DATA);
const NAMES = ownNames(DATA);
const EDITIONS = LANGS.map((lang, i) => {
  const c = catalog(DATA, `ui.${lang}.toml`);
  return { lang, folder: i === 0 ? '' : `${lang}/`, translated: i > 0, yearOffset: c.locale.year_offset, ui: c.ui };
});
// The first edition's interface sentences (two words or more), which a translation must not
// show; those the translation keeps word for word (a name) are its own.
// Templates count by their literal runs between `{slots}`.
const ENGLISH = [...new Set(Object.values(EDITIONS[0].ui).filter((v) => typeof v === 'string')
  .flatMap((v) => v.split(/\{[^}]*\}/)).map((v) => v.trim()).filter((v) => /\p{L}+ \p{L}+/u.test(v)))];
const CHARTS = readdirSync(join(DIST, 'embed')).filter((f) => f.endsWith('.html') && !isCountryDocument(f)).map((f) => f.slice(0, -5));

const env = useReport();

function check(edition, pieces) {
  const own = Object.values(edition.ui).join('\n');
  const english = ENGLISH.filter((s) => !own.includes(s));
  const found = [];
  for (const { where, text } of pieces) {
    for (const f of faults(withoutNames(text, NAMES), edition, english)) found.push(`${where}: ${f.rule}: “${f.text}”`);
  }
  return [...new Set(found)];
}

test('each rule refuses the fault it names and passes its correction', () => {
  const ja = { lang: 'ja', translated: true, yearOffset: 0 };
  const th = { lang: 'th', translated: true, yearOffset: 543 };
  const en = { lang: 'en', translated: false, yearOffset: 0 };
  const rules = (t, e, english) => faults(t, e, english).map((f) => f.rule);
  assert.deepEqual(rules('国を信頼しているか: インタラクティブ', ja), ['Latin punctuation next to Japanese']);
  assert.deepEqual(rules('国を信頼しているか：インタラクティブグラフ', ja), []);
  assert.deepEqual(rules('報告書』）（2024年4月2日）', ja), ['stacked parentheses']);
  assert.deepEqual(rules('(ญี่ปุ่น, ไว้วางใจ)', th), ['Latin comma or semicolon next to Thai']);
  assert.deepEqual(rules('การสำรวจฉบับปี 2024 กุมภาพันธ์ 2567', th), ['a Christian-Era year in an edition of another era']);
  assert.deepEqual(rules('ผู้ตอบ 1,994 คน ปี 2567 ค่า 2024.5', th), []);
  assert.deepEqual(rules('Show the whole chart', ja), ['English words in a translation']);
  assert.deepEqual(rules('ASEAN Studies Centre, ISEAS-Yusof Ishak Institute; pym.js', ja), []);
  assert.deepEqual(rules('Dismiss this note', ja, ['Dismiss this note']).sort(), ['English words in a translation', 'an English interface sentence']);
  assert.deepEqual(rules('Japan, Trust: 58.9%. 2024, all respondents.', en), []);
  assert.equal(withoutNames('The Diplomat（dlatestscoop.org）', ['The Diplomat', 'dlatestscoop.org']).trim(), '（ ）');
});

for (const e of EDITIONS) {
  test(`${e.lang}: the page, read with script, through a keyboard walk and a tooltip, and without script`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width: 1280 });
    await page.goto(`${env.origin}/${e.folder}`);
    await waitReady(page);
    const pieces = await page.evaluate(readDocument);
    const repeated = await page.evaluate(readRepeatedSources);
    // The keyboard walk through the first chart: every value's words in the live region.
    const chart = page.locator('figure[data-chart] .chart').first();
    await chart.focus();
    const points = await chart.evaluate((c) => c.closest('figure').querySelectorAll('tbody td.num').length);
    for (let i = 0; i < points; i++) {
      await page.keyboard.press('ArrowRight');
      pieces.push({ where: `live region, step ${i + 1}`, text: await page.textContent('#announcer') });
    }
    assert.ok(points > 0 && pieces.at(-1).text.trim(), 'the walk was heard');
    await page.keyboard.press('Escape');
    // A tooltip, from the pointer over the first bar.
    const canvas = page.locator('figure[data-chart] canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const tip = page.locator('figure[data-chart] .tooltip').first();
    for (let y = 20; y < 80 && !(await tip.isVisible()); y += 6) await page.mouse.move(box.x + box.width / 3, box.y + y);
    assert.ok(await tip.isVisible(), 'a tooltip showed');
    pieces.push({ where: 'tooltip', text: await tip.textContent() });
    assert.deepEqual(problems, []);
    await context.close();
    // Without script: the static charts, their labels and the still images' words.
    const still = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const sp = await still.newPage();
    await sp.goto(`${env.origin}/${e.folder}`);
    pieces.push(...(await sp.evaluate(readDocument, false)).map((p) => ({ ...p, where: `no script: ${p.where}` })));
    await still.close();
    assert.deepEqual([...check(e, pieces), ...repeated.map((r) => `${r.where}: ${r.text}`)], []);
  });

  test(`${e.lang}: every embed document, its oEmbed answer and its downloadable image`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.origin, { width: 600 });
    const pieces = [];
    for (const id of CHARTS) {
      await page.goto(`${env.origin}/${e.folder}embed/${id}.html`);
      await waitReady(page);
      pieces.push(...(await page.evaluate(readDocument)).map((p) => ({ ...p, where: `embed ${id}: ${p.where}` })));
      const answer = JSON.parse(readFileSync(join(DIST, e.folder, 'embed', `${id}.oembed.json`), 'utf8'));
      pieces.push({ where: `oEmbed ${id} title`, text: answer.title }, { where: `oEmbed ${id} provider`, text: answer.provider_name });
      const code = await page.evaluate((html) => {
        const d = new DOMParser().parseFromString(html.replace(/ style="[^"]*"/g, ''), 'text/html');
        for (const s of d.querySelectorAll('script')) s.remove();
        return [d.body.textContent, ...[...d.querySelectorAll('[title], [alt], [aria-label]')].flatMap((el) => ['title', 'alt', 'aria-label'].map((a) => el.getAttribute(a)).filter(Boolean))];
      }, answer.html);
      pieces.push(...code.map((text) => ({ where: `oEmbed ${id} html`, text })));
      const svg = readFileSync(join(DIST, e.folder, 'downloads', `${id}.svg`), 'utf8');
      // The image's lines as one text: a title may wrap from one line to the next.
      const lines = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      const unescaped = lines.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      pieces.push({ where: `downloads/${id}.svg`, text: unescaped });
    }
    assert.deepEqual(problems, []);
    await context.close();
    assert.deepEqual(check(e, pieces), []);
  });
}
