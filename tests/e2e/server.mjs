// A static file server for the built page, as a static host would serve it, with the headers
// of its `_headers` file (Netlify / Cloudflare Pages format: a path pattern, then indented
// `Name: value` lines; `*` matches anything). The tests start one on 127.0.0.1, free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

// Static hosts compress text and WASM: brotli when the browser accepts it, else gzip (both
// at their highest level, as precompressed assets would be). The size budgets and the bench
// count bytes with the same two.
export const COMPRESS = {
  br: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  gzip: (b) => gzipSync(b, { level: 9 }),
};

// A file's bytes as sent: raw, gzip and brotli.
export const transferSizes = (b) => ({ raw: b.length, gzip: COMPRESS.gzip(b).length, brotli: COMPRESS.br(b).length });

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.csv']);
function encoder(accept) {
  if (/\bbr\b/.test(accept)) return ['br', COMPRESS.br];
  if (/\bgzip\b/.test(accept)) return ['gzip', COMPRESS.gzip];
  return null;
}

export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: {} });
    } else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

export async function serve(root, { port = 0, files = {} } = {}) {
  const base = resolve(root);
  const headersFile = join(base, '_headers');
  const headersFor = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : () => ({});
  const cache = new Map();
  const send = (req, res, key, status, type, body, headers = {}) => {
    const enc = COMPRESSIBLE.has(extname(key) || '.html') ? encoder(req.headers['accept-encoding'] ?? '') : null;
    if (enc) {
      const k = `${enc[0]} ${key}`;
      if (!cache.has(k)) cache.set(k, enc[1](Buffer.from(body)));
      body = cache.get(k);
      headers = { ...headers, 'content-encoding': enc[0], vary: 'Accept-Encoding' };
    }
    res.writeHead(status, { 'content-type': type, ...headers }).end(body);
  };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (files[path]) {
        send(req, res, path, 200, files[path].type, files[path].body);
        return;
      }
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      send(req, res, file, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, headersFor(path));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
