// Debian's Chromium, driven by playwright-core, with every problem a page can show collected:
// console errors, uncaught exceptions, failed requests and requests to any other host.
import { before, after } from 'node:test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = resolve(process.env.REPORT_DIST ?? join(ROOT, 'dist'));

// The example report (examples/three-editions), built by ./x test into its own folder.
export const EXAMPLE_DIST = resolve(process.env.REPORT_EXAMPLE_DIST ?? join(ROOT, 'dist-example'));

/// For a test file: the built report (`dist`, default the report's) served on 127.0.0.1 and a
/// browser, for all its tests.
export function useReport(dist = DIST) {
  const env = {};
  before(async () => {
    ({ server: env.server, origin: env.origin } = await serve(dist));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  // Playwright gives every launch a fresh, empty profile directory of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

// Sums the page's layout shifts from the first paint on.
const CLS_PROBE = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

export async function openPage(browser, origin, { width, height = 900, dpr = 1, colorScheme = 'light' }) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: dpr,
    colorScheme,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // The tests' own pixel read-backs make Chromium suggest willReadFrequently; the page
    // never reads pixels, so that one warning is ours, not the page's.
    if (m.type() === 'warning' && m.text().includes('willReadFrequently')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
      problems.push(`request to another host: ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(CLS_PROBE);
  return { context, page, problems };
}

export async function waitReady(page) {
  await page.waitForSelector('html[data-report-state="ready"], html[data-report-state="error"]', {
    state: 'attached',
    timeout: 30_000,
  });
  const state = await page.getAttribute('html', 'data-report-state');
  if (state !== 'ready') {
    const status = await page.textContent('#report-status').catch(() => '');
    throw new Error(`report state is ${state}: ${status}`);
  }
}

// axe-core, run in a page: the WCAG 2.0/2.1/2.2 A and AA violations, one line each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** How many pixels each chart's canvas has inked, in page order: a drawn chart has hundreds. */
export function inkedCanvases(page) {
  return page.$$eval('figure[data-chart] canvas', (cs) => cs.map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  }));
}
