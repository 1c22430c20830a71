// The two other browser engines, behind one small interface the engine smoke test drives:
// Firefox ESR over WebDriver BiDi (puppeteer-core), and WebKitGTK's MiniBrowser through
// WebKitWebDriver under its own Xvfb display (plain W3C WebDriver over HTTP). Both from Debian.
//
// A driver: open(url), run(fn, ...args) (fn runs in the page and returns JSON), key(name),
// move(x, y) (viewport CSS px), size(width, height), screenshot(path), close().
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function firefox({ width, height }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  return {
    name: 'Firefox',
    version: await browser.version(),
    open: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    key: (name) => page.keyboard.press(name),
    move: (x, y) => page.mouse.move(x, y),
    size: (w, h) => page.setViewport({ width: w, height: h }),
    screenshot: (path) => page.screenshot({ path, fullPage: false }),
    close: () => browser.close(),
  };
}

// W3C WebDriver key codes for the keys the test presses.
const KEYS = { Tab: '\uE004', Escape: '\uE00C', ArrowRight: '\uE014', ArrowLeft: '\uE012', Home: '\uE011', End: '\uE010' };

const freePort = () => new Promise((ok, fail) => {
  const s = createServer();
  s.on('error', fail);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});

export async function webkit({ width, height }) {
  // Each run gets its own X display and driver port; both are killed on close.
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1600x2000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  const stop = () => {
    driver.kill();
    xvfb.kill();
  };
  const api = async (method, path, body) => {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json();
    if (json.value?.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  let session;
  for (let tries = 0; !session; tries++) {
    try {
      session = await api('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
    } catch (e) {
      if (tries > 40) {
        stop();
        throw e;
      }
      await sleep(250);
    }
  }
  const s = `/session/${session.sessionId}`;
  const actions = (list) => api('POST', `${s}/actions`, { actions: list });
  const driverApi = {
    name: 'WebKit',
    version: session.capabilities?.browserVersion ?? '',
    open: (url) => api('POST', `${s}/url`, { url }),
    run: (fn, ...args) => api('POST', `${s}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args }),
    key: (name) => {
      const value = KEYS[name] ?? name;
      return actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }]);
    },
    move: (x, y) => actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }] }]),
    size: async (w, h) => {
      // The window's outer size; the test reads the viewport it got.
      await api('POST', `${s}/window/rect`, { width: w, height: h });
    },
    screenshot: async (path) => writeFileSync(path, Buffer.from(await api('GET', `${s}/screenshot`), 'base64')),
    close: async () => {
      await api('DELETE', s).catch(() => {});
      stop();
    },
  };
  await driverApi.size(width, height);
  return driverApi;
}

/// Poll `fn` in the page until it returns a truthy value; returns it.
export async function until(d, what, fn, ...args) {
  const end = Date.now() + 30_000;
  for (;;) {
    const v = await d.run(fn, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${d.name}: timed out waiting for ${what}`);
    await sleep(100);
  }
}
