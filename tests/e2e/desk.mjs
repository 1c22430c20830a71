// What a newspaper desk refuses in an edition, as rules over the text a reader meets (the
// desk test reads the built site with them; desk.test.mjs also checks each rule against a
// line it must refuse and one it must pass).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Kana, kanji and the Japanese brackets and stops.
const JA = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー「」『』（）、。]';
const TH = '[\\u0E00-\\u0E7F]';

/// The faults of one piece of text in an edition: `{rule, text}` each.
/// `edition`: `{lang, yearOffset}`; `english`: multi-word interface sentences of the first
/// edition that must not appear in a translation.
export function faults(text, edition, english = []) {
  const out = [];
  const hit = (rule, re) => {
    for (const m of text.matchAll(re)) out.push({ rule, text: around(text, m.index, m[0].length) });
  };
  if (edition.lang === 'ja') {
    hit('Latin punctuation next to Japanese', new RegExp(`${JA}\\s*[,:;]|[,:;]\\s*${JA}`, 'gu'));
  }
  if (edition.lang === 'th') {
    hit('Latin comma or semicolon next to Thai', new RegExp(`${TH}\\s*[,;]|[,;]\\s*${TH}`, 'gu'));
  }
  if (edition.lang === 'ja' || edition.lang === 'th') {
    hit('stacked parentheses', /[)）]\s*[(（]/gu);
  }
  if (edition.translated) {
    // Three or more English words in a row: an interface sentence left untranslated.
    hit('English words in a translation', /(?<![\p{L}\-.@/])[A-Za-z][a-z]+(?:[ ’'][a-z]+){2,}(?![\p{L}\-])/gu);
    for (const s of english) if (text.includes(s)) out.push({ rule: 'an English interface sentence', text: s });
  }
  if (edition.yearOffset) {
    hit('a Christian-Era year in an edition of another era', /(?<![\d,.])(19\d\d|20\d\d|2100)(?![\d]|[,.]\d)/gu);
  }
  return out;
}

function around(text, at, length) {
  return text.slice(Math.max(0, at - 24), at + length + 24).replace(/\s+/g, ' ');
}

/// The names a text may carry in their own language and script whatever the edition: titles
/// of works as published, outlets and the publisher (sources.toml, survey.toml). The desk
/// reads around them.
export function ownNames(dataDir) {
  const names = new Set();
  for (const file of ['sources.toml', 'survey.toml']) {
    const text = readFileSync(join(dataDir, file), 'utf8');
    for (const m of text.matchAll(/^(?:title|outlet|publisher|author|via) = ("(?:[^"\\]|\\.)*")$/gm)) names.add(JSON.parse(m[1]));
  }
  // Longest first, so that a title is taken out before a name inside it.
  return [...names].sort((a, b) => b.length - a.length);
}

/// `text` with every name taken out, wherever a line break or a run of spaces falls in it,
/// and every address (a URL is no one's words; a chart's id may hold a year).
export function withoutNames(text, names) {
  text = text.replace(/(?:https?:\/\/|REPORT_URL)\S*/g, ' ');
  for (const n of names) {
    const words = n.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    text = text.replace(new RegExp(words.join('\\s+'), 'g'), ' ');
  }
  return text;
}

/// Every piece of text a document shows or says, read in the page: the text of each block
/// (its inline runs together), attribute text (aria-label, title, alt, placeholder, content
/// of meta descriptions, data-failed*), and the text of each embed code as the host page
/// would show it. Titles of works (`<cite>`) are left out. `scripted`: whether the page runs
/// script (without it, `<noscript>` holds elements to read).
export function readDocument(scripted = true) {
  const BLOCK = new Set(['P', 'LI', 'DT', 'DD', 'TH', 'TD', 'CAPTION', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'SUMMARY', 'LABEL', 'OPTION', 'TITLE', 'BUTTON', 'DIV', 'TEXT', 'NAV', 'HEADER', 'FOOTER', 'SECTION', 'MAIN', 'FIGURE', 'BODY', 'SVG']);
  const out = [];
  const read = (root, where) => {
    const blocks = new Map();
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest(scripted ? 'script, style, cite, textarea, noscript' : 'script, style, cite, textarea')) continue;
      let b = p;
      while (b && !BLOCK.has(b.tagName.toUpperCase()) && b.parentElement) b = b.parentElement;
      blocks.set(b, (blocks.get(b) ?? '') + n.data);
    }
    for (const t of blocks.values()) if (t.trim()) out.push({ where, text: t.trim() });
    for (const el of root.querySelectorAll('*')) {
      for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${where} [${a}]`, text: v });
      }
      for (const a of el.getAttributeNames().filter((n) => n.startsWith('data-failed'))) {
        out.push({ where: `${where} [${a}]`, text: el.getAttribute(a) });
      }
    }
  };
  read(document.documentElement, 'document');
  for (const m of document.querySelectorAll('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]')) {
    const v = m.getAttribute('content');
    if (v && !/^(https?:|\.|\/)/.test(v) && !/^\d+$/.test(v)) out.push({ where: `meta ${m.getAttribute('name') ?? m.getAttribute('property')}`, text: v });
  }
  // A chart's citation, as a reader copies it (its BibTeX twin is a machine format).
  for (const t of document.querySelectorAll('textarea.cite-code[data-kind="cite"]')) out.push({ where: `citation ${t.id}`, text: t.value });
  for (const t of document.querySelectorAll('textarea.embed-code')) {
    // Without its style attributes, which a page under a strict CSP refuses even in a parsed copy.
    const code = new DOMParser().parseFromString(t.value.replace(/ style="[^"]*"/g, ''), 'text/html');
    read(code.documentElement, `embed code ${t.id}`);
  }
  return out;
}

/// Notes that name one source twice: `{where, text}` for each.
export function readRepeatedSources() {
  const out = [];
  for (const li of document.querySelectorAll('ul.conflicts > li, ul.notes > li')) {
    const cited = [...li.querySelectorAll('.note-sources')];
    const names = cited.flatMap((c) => [...c.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    const seen = new Set();
    for (const n of names) {
      if (seen.has(n)) out.push({ where: 'note', text: `${li.textContent.slice(0, 80)}… names ${n} twice` });
      seen.add(n);
    }
    if (cited.length > 1) out.push({ where: 'note', text: `${li.textContent.slice(0, 80)}… lists its sources ${cited.length} times` });
  }
  return out;
}
