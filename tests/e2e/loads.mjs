// What a document loads on first view, read from the document itself: its stylesheets,
// scripts and preloads, and what its start-up script imports. The size budgets
// (sizes.test.mjs) and the benchmark (bench/run.mjs) count the same files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The files the document at `file` (relative to `dist`) loads, itself included, relative to
// `dist`. Relative addresses start from its <base href>, else its own folder.
export function loads(dist, file) {
  const html = readFileSync(join(dist, file), 'utf8');
  const baseHref = html.match(/<base href="([^"]*)">/)?.[1] ?? './';
  const base = resolve(join(dist, dirname(file)), baseHref);
  const found = new Set([file]);
  const add = (from, addr) => {
    const path = relative(dist, resolve(from, addr));
    if (!existsSync(join(dist, path))) throw new Error(`${file} loads ${addr}, which is not in ${dist}`);
    found.add(path);
    return path;
  };
  for (const m of html.matchAll(/<(?:script[^>]* src|link[^>]* href)="([^"]+\.(?:js|wasm|css))"/g)) {
    const path = add(base, m[1]);
    if (path.split('/').pop().startsWith('start-')) {
      // An embed document's start-up script: the addresses it adds to the document (its
      // preloads and the start-up module), relative to the document's base.
      const code = readFileSync(join(dist, path), 'utf8');
      for (const i of code.matchAll(/"([^"]+\.(?:js|wasm))"/g)) {
        const p = add(base, i[1]);
        if (p.split('/').pop().startsWith('boot-')) {
          const boot = readFileSync(join(dist, p), 'utf8');
          for (const j of boot.matchAll(/'([^']+\.(?:js|wasm))'/g)) add(join(dist, dirname(p)), j[1]);
        }
      }
    }
    if (path.split('/').pop().startsWith('boot-')) {
      // The start-up script's own imports, relative to it.
      const code = readFileSync(join(dist, path), 'utf8');
      for (const i of code.matchAll(/'([^']+\.(?:js|wasm))'/g)) add(join(dist, dirname(path)), i[1]);
    }
  }
  return [...found];
}
