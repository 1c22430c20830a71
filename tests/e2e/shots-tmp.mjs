import { serve } from './server.mjs';
import { launch } from './browser.mjs';
const [,, width, dpr, scheme, js, ...sel] = process.argv;
const { server, origin } = await serve('/work/main/dist');
const b = await launch();
const ctx = await b.newContext({ viewport: { width: +width, height: 900 }, deviceScaleFactor: +dpr, colorScheme: scheme, javaScriptEnabled: js !== 'nojs' });
const p = await ctx.newPage();
await p.goto(origin + '/');
if (js !== 'nojs') await p.waitForSelector('html[data-report-state="ready"]', { state: 'attached' });
for (const s of sel) {
  const el = p.locator(s).first();
  const box = await el.boundingBox();
  const name = s.replace(/[^a-z0-9-]+/gi, '_');
  await p.screenshot({ path: `/tmp/shots/${width}-${scheme}-${js}-${name}.png`, fullPage: true, clip: { x: 0, y: box.y, width: +width, height: Math.min(box.height, 1800) } });
}
await b.close(); server.close();
