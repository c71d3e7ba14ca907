// The site loads in a real browser: the wasm starts, renders, and nothing goes wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

test('the home page loads and the app renders, with no error and no failed request', async () => {
  const { context, page, problems } = await openPage(browser);
  const response = await page.goto(`${BASE_URL}/`);
  assert.equal(response.status(), 200);
  await waitForApp(page);
  // The placeholder is the static HTML; only the running wasm removes it and draws the footer.
  assert.equal(await page.locator('#placeholder').count(), 0);
  assert.match(await page.locator('footer').innerText(), /本站为估算工具，以医院实际结算为准/);
  assert.match(await page.locator('h1').innerText(), /健康扶贫政策计算器与服务门户/);
  assert.equal(await page.title(), '首页 - 健康扶贫政策计算器');
  await screenshot(page, 'home-360');
  // Nothing is wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than 360px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the home page at desktop width', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  await screenshot(page, 'home-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown path gets the not-found page with a way home', async () => {
  const { context, page, problems } = await openPage(browser);
  const response = await page.goto(`${BASE_URL}/no-such-page`);
  assert.equal(response.status(), 404);
  await waitForApp(page);
  assert.match(await page.locator('h1').innerText(), /找不到这个页面/);
  await page.getByRole('link', { name: '回到首页' }).click();
  await page.waitForURL(`${BASE_URL}/`);
  assert.match(await page.locator('h1').innerText(), /健康扶贫政策计算器与服务门户/);
  assert.equal(await page.title(), '首页 - 健康扶贫政策计算器');
  assert.deepEqual(problems, []);
  await context.close();
});
