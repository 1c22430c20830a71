// Screenshots of every edition at phone and laptop widths, light and dark, for looking at:
// `node tests/e2e/shots.mjs [OUT_DIR]` (default tests/e2e/artifacts/shots). Not a test.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, launch } from './browser.mjs';
import { serve } from './server.mjs';

const out = process.argv[2] ?? join(ROOT, 'tests/e2e/artifacts/shots');
const only = process.env.SHOTS_ONLY;
await mkdir(out, { recursive: true });
const { server, origin } = await serve(DIST);
const browser = await launch();
const views = [];
for (const lang of ['', 'ja/', 'th/']) {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark']) {
      views.push({ path: lang, width, scheme, name: `${lang.replace('/', '') || 'en'}-${width}-${scheme}` });
    }
  }
}
for (const v of views) {
  if (only && !v.name.includes(only)) continue;
  const page = await browser.newPage({ viewport: { width: v.width, height: 900 }, deviceScaleFactor: v.width < 500 ? 2 : 1, colorScheme: v.scheme });
  await page.goto(`${origin}/${v.path}${process.env.SHOTS_QUERY ?? ''}`);
  await page.waitForFunction(() => document.documentElement.dataset.reportState !== 'loading');
  await page.screenshot({ path: join(out, `${v.name}-top.png`) });
  await page.evaluate(() => document.querySelector('#trust')?.scrollIntoView());
  await page.screenshot({ path: join(out, `${v.name}-trust.png`) });
  console.log(v.name, await page.evaluate(() => document.documentElement.dataset.reportState));
  await page.close();
}
await browser.close();
server.close();
