// The site loads in a real browser: the wasm starts, renders, and nothing goes wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, WORKED_EXAMPLE, launch, openPage, waitForApp, screenshot, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

test('the home page loads and the app renders, with no error and no failed request', async () => {
  const { context, page, problems } = await openPage(browser);
  const response = await page.goto(`${BASE_URL}/`);
  assert.equal(response.status(), 200);
  await waitForApp(page);
  // Only the running wasm sets this mark on the pre-rendered page.
  assert.equal(await page.locator('html').getAttribute('data-app'), 'ready');
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

test('every page is in its HTML file: readable before the wasm arrives and with scripts off', async () => {
  // The raw file, as a search engine or a link preview fetches it.
  // Hydration markers (HTML comments) between the words are not part of the text.
  const text = (response) => response.text().then((t) => t.replace(/<!--[^]*?-->|<!>/g, ''));
  const html = await text(await fetch(`${BASE_URL}/calculator`));
  assert.match(html, /<h1>住院费用计算器<\/h1>/);
  assert.match(html, /所有计算都在您的手机上完成/);
  assert.doesNotMatch(html, /data-app="ready"/, 'the running mark must come from the wasm only');
  const documents = await text(await fetch(`${BASE_URL}/documents/junshan`));
  assert.match(documents, /区人民医院为我区内消化道肿瘤及终末期肾病定点救治医院/);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/diseases`);
  assert.match(await page.locator('h1').innerText(), /九种大病/);
  assert.match(await page.locator('footer').innerText(), /本站为估算工具，以医院实际结算为准/);
  assert.equal(await page.locator('html').getAttribute('data-app'), null);
  await screenshot(page, 'diseases-no-script-360');
  await context.close();
});

test('a page draws from its HTML alone, and the wasm is fetched only after that first paint', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/policy`);
  await waitForApp(page);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    requests: performance.getEntriesByType('resource').map((r) => ({ url: new URL(r.name).pathname, start: r.startTime })),
    headerColour: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
  }));
  // The stylesheet is in the page itself: no request waits between the HTML and the first paint.
  assert.equal(timing.requests.filter((r) => r.url.endsWith('.css')).length, 0, JSON.stringify(timing.requests));
  assert.equal(timing.headerColour, 'rgb(11, 93, 140)', 'the page is styled');
  assert.ok(timing.fcp > 0, 'the browser reports its first contentful paint');
  const wasm = timing.requests.find((r) => r.url.endsWith('.wasm'));
  const glue = timing.requests.find((r) => /\/pkg\/app-.*\.js$/.test(r.url));
  assert.ok(wasm && glue, JSON.stringify(timing.requests));
  assert.ok(glue.start >= timing.fcp && wasm.start >= timing.fcp, `the text was drawn at ${timing.fcp} ms, the wasm's script asked for at ${glue.start} ms and the wasm at ${wasm.start} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the wasm takes over the pre-rendered page: the calculator computes after hydration', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}${WORKED_EXAMPLE}`);
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  // Hydration reuses the pre-rendered elements rather than drawing a second copy.
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
