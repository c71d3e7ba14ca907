// The built site on plain static hosts, as a county would put it up: one that redirects /cadre
// to /cadre/ (Python's http.server, like nginx's and Apache's defaults for a folder), on a first
// and a returning visit, online and offline; and a second deployment, with new hashed file names,
// from a host that sends Last-Modified and no Cache-Control, after which every page is the new
// one, online and offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { launch, pageTable } from './helpers.mjs';

const DIST = 'dist';
const ROUTES = pageTable().map((p) => p.path);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page's heading once the wasm has taken it over, or why not. */
async function visit(page, url) {
  const response = await page.goto(url);
  assert.ok(response && response.ok(), `${url}: ${response?.status()}`);
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 20000 });
  return page.locator('h1').first().innerText();
}

/** Waits until a service worker controls the page and its copy of the site is complete. */
async function waitForOfflineCopy(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

test('every page on a host that redirects /cadre to /cadre/: first and returning visits, online and offline', async () => {
  const port = await freePort();
  const python = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try { await fetch(`${base}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const redirect = await fetch(`${base}/cadre`, { redirect: 'manual' });
    assert.equal(redirect.status, 301, 'this host redirects a folder without its slash');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const headings = {};
    for (const route of ROUTES) headings[route] = await visit(page, `${base}${route}`);
    await waitForOfflineCopy(page);
    for (const route of ROUTES) {
      assert.equal(await visit(page, `${base}${route}`), headings[route], `returning visit to ${route}`);
    }
    await context.setOffline(true);
    for (const route of ROUTES) {
      assert.equal(await visit(page, `${base}${route}`), headings[route], `offline visit to ${route}`);
      if (route !== '/') {
        assert.equal(await visit(page, `${base}${route}/`), headings[route], `offline visit to ${route}/`);
        assert.equal(await visit(page, `${base}${route}/index.html`), headings[route], `offline visit to ${route}/index.html`);
      }
    }
    await context.setOffline(false);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    python.kill();
  }
});

/** Every file under `dir`, relative. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = join(prefix, name);
    return statSync(join(dir, path)).isDirectory() ? files(dir, path) : [path];
  });
}

/** A second deployment made from the first: every hashed file renamed, every page marked. */
function secondDeployment(first) {
  const second = mkdtempSync(join(tmpdir(), 'deployment-2-'));
  cpSync(first, second, { recursive: true });
  const renames = readdirSync(join(second, 'pkg')).map((name) => {
    const renamed = name.replace(/-([0-9a-f]{16})\./, (_, hash) => `-${[...hash].reverse().join('')}.`);
    return [`/pkg/${name}`, `/pkg/${renamed}`];
  });
  for (const file of files(second)) {
    if (!/\.(html|js)$/.test(file)) continue;
    let text = readFileSync(join(second, file), 'utf8');
    for (const [from, to] of renames) text = text.split(from).join(to);
    if (file.endsWith('.html')) text = text.replace('<head>', '<head><meta name="deployment" content="2">');
    if (file === 'sw.js') text = text.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-2'");
    writeFileSync(join(second, file), text);
  }
  for (const [from, to] of renames) renameSync(join(second, from), join(second, to));
  return second;
}

test('a new deployment on a host with Last-Modified and no Cache-Control replaces the offline copy cleanly', async () => {
  const first = mkdtempSync(join(tmpdir(), 'deployment-1-'));
  cpSync(DIST, first, { recursive: true });
  // Files a year old: a browser may keep them in its HTTP cache for weeks without asking.
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  for (const file of files(first)) utimesSync(join(first, file), yearAgo, yearAgo);
  const second = secondDeployment(first);
  let served = first;
  const host = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    let file = join(served, path);
    try {
      // A folder's page is served at its own address (the redirecting host is the test above).
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const modified = statSync(file).mtime;
      modified.setMilliseconds(0);
      const since = request.headers['if-modified-since'];
      if (since && new Date(since) >= modified) {
        response.writeHead(304, { 'last-modified': modified.toUTCString() });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'last-modified': modified.toUTCString() });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(served, '404.html')));
    }
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${host.address().port}`;
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const deployment = () => page.evaluate(() => document.querySelector('meta[name=deployment]')?.content ?? '1');
  try {
    for (const route of ROUTES) await visit(page, `${base}${route}`);
    await waitForOfflineCopy(page);
    await context.setOffline(true);
    for (const route of ROUTES) await visit(page, `${base}${route}`);
    await context.setOffline(false);

    served = second;
    const secondVersion = readFileSync(join(second, 'sw.js'), 'utf8').match(/const VERSION = '([^']+)'/)[1];
    await visit(page, `${base}/`);
    // The new worker installs (its pages checked against its files) and drops the old copy.
    let keys = [];
    for (let i = 0; i < 60 && keys.join() !== `site-${secondVersion}`; i++) {
      await page.waitForTimeout(500);
      keys = await page.evaluate(() => caches.keys());
    }
    assert.deepEqual(keys, [`site-${secondVersion}`], 'only the new deployment\'s copy is kept');
    for (const route of ROUTES) {
      await visit(page, `${base}${route}`);
      assert.equal(await deployment(), '2', `${route} online is the new deployment`);
    }
    await context.setOffline(true);
    for (const route of ROUTES) {
      await visit(page, `${base}${route}`);
      assert.equal(await deployment(), '2', `${route} offline is the new deployment`);
    }
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    host.close();
  }
});
