// The data file as the tests' oracle, parsed independently of the Rust code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function csvRows(text) {
  // The build's CSVs start with a UTF-8 byte-order mark (for spreadsheet programs).
  text = text.replace(/^\uFEFF/, '');
  const rows = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell.trim()); cell = ''; }
      else cell += c;
    }
    cells.push(cell.trim());
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/// The report's editions by language tag, in charts.toml's order (the first is the original).
export function editionLangs(dataDir) {
  const line = readFileSync(join(dataDir, 'charts.toml'), 'utf8').match(/^editions = (\[.*\])$/m);
  return line ? JSON.parse(line[1]) : ['en'];
}

/// An option as an edition's text catalog names it in full (`[option]`), or the key itself.
export function optionName(dataDir, lang, key) {
  const text = readFileSync(join(dataDir, `text.${lang}.toml`), 'utf8');
  const table = text.split(/^\[option\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  for (const m of table.matchAll(/^("(?:[^"\\]|\\.)*") = ("(?:[^"\\]|\\.)*")$/gm)) {
    if (JSON.parse(m[1]) === key) return JSON.parse(m[2]);
  }
  return key;
}

/// The member states: survey.toml's populations with in_average = true, their codes in order.
export function memberCodes(dataDir) {
  return readFileSync(join(dataDir, 'survey.toml'), 'utf8').split(/^\[\[population\]\]$/m).slice(1)
    .filter((block) => /^in_average = true$/m.test(block))
    .map((block) => block.match(/^code = "([^"]+)"$/m)[1]);
}

/// "question/year/population/option" -> value as published, from a data folder's values.csv.
export function valuesByKey(dataDir) {
  const rows = csvRows(readFileSync(join(dataDir, 'values.csv'), 'utf8'));
  return new Map(rows.map((v) => [`${v.question}/${v.year}/${v.population}/${v.option}`, v.value]));
}

/// A catalog's one-line `key = value` entries (strings and numbers), by table: enough for
/// ui.LANG.toml.
export function catalog(dataDir, file) {
  const out = {};
  let table = '';
  for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
    const t = line.match(/^\[([^\]]+)\]$/);
    if (t) table = t[1];
    const kv = line.match(/^([a-z_]+) = ("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)$/);
    if (kv) (out[table] ??= {})[kv[1]] = JSON.parse(kv[2]);
  }
  return out;
}

/// The query every embed code gives its document: the release it was copied from
/// (`charts.toml [report] updated`), or nothing when the report has no such date.
export function releaseQuery(dataDir) {
  const day = readFileSync(join(dataDir, 'charts.toml'), 'utf8').match(/^updated = "(\d{4}-\d\d-\d\d)"$/m)?.[1];
  return day ? `?updated=${day}` : '';
}

/// Whether an embed document's file name is a member state's static document
/// (`ID.th.html`, where `static=1&country=TH` goes) rather than a chart's own.
export const isCountryDocument = (file) => /\.[a-z]{2}\.html$/.test(file);
