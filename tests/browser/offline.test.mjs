// After one visit the whole site works with no signal, and it runs under a strict
// Content-Security-Policy: scripts from its own origin only, nothing sent anywhere else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, WORKED_EXAMPLE, launch, openPage, waitForApp, screenshot, pageTable, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

test('after one visit, every page reloads and the calculator computes with the network off', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  // The service worker keeps the whole site as it installs; wait until it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });

  await context.setOffline(true);
  for (const { path, title } of pageTable()) {
    const response = await page.goto(`${BASE_URL}${path}`);
    assert.equal(response.status(), 200, `${path} offline`);
    await waitForApp(page);
    assert.equal(await page.title(), `${title} - 健康扶贫政策计算器`, `${path} offline`);
  }
  await page.goto(`${BASE_URL}${WORKED_EXAMPLE}`);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  await page.getByLabel('住院总费用').fill('60000');
  assert.notEqual(await page.locator('#family-pays').innerText(), WORKED.pays);
  await screenshot(page, 'offline-calculator-360');
  // A page the site does not have still answers, with the way home.
  await page.goto(`${BASE_URL}/no-such-page`);
  await waitForApp(page);
  assert.match(await page.locator('h1').innerText(), /找不到这个页面/);
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every page carries the Content-Security-Policy and runs under it with no violation', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const { path } of pageTable()) {
    const response = await page.goto(`${BASE_URL}${path}`);
    const html = await response.text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/, path);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path} has an inline script`);
    await waitForApp(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
  }
  // openPage records any request that leaves the site's own origin.
  assert.deepEqual(problems, []);
  await context.close();
});
