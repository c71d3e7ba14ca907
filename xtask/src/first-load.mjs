// Records what a first visit to each route loads: `cargo xtask bench` runs it with BASE_URL set
// and the routes as arguments, and sizes the files itself. For each route it opens a fresh
// browser context (empty cache), waits until the wasm has taken over the page and the network
// is quiet, and prints one JSON line: {"route", "urls": [every URL the page loaded, in order],
// "errors": [...]}. Service workers are blocked here: what the worker keeps for offline use
// after the first visit is counted separately, from its file list.
import { launch, BASE_URL } from '../../tests/browser/helpers.mjs';

const routes = process.argv.slice(2);
const browser = await launch();
try {
  for (const route of routes) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const urls = [];
    const errors = [];
    page.on('response', (res) => {
      if (!urls.includes(res.url())) urls.push(res.url());
      if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    page.on('requestfailed', (req) => errors.push(`failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    try {
      await page.goto(`${BASE_URL}${route}`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 30000 });
      await page.waitForLoadState('networkidle');
    } catch (err) {
      errors.push(String(err.message ?? err).split('\n')[0]);
    }
    console.log(JSON.stringify({ route, urls, errors }));
    await context.close();
  }
} finally {
  await browser.close();
}
