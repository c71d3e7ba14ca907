// When the wasm cannot run, or has not yet: each interactive part says so in plain Chinese and
// points to what works without it; a tap made before the part runs is kept, not lost, and does
// not reload the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// Each page with a whole tool, and the tool's part.
const TOOLS = [
  ['/', 'coverage-check'],
  ['/calculator', 'calculator'],
  ['/embed', 'embed'],
  ['/premium', 'premium'],
  ['/cadre', 'cadre'],
];

/** Holds the page's wasm download until the returned function is called. */
async function holdWasm(page) {
  let release;
  const arrived = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await arrived; await route.continue(); });
  return release;
}

/** The message a tool shows in place of running. */
const message = (page, part) => page.locator(`.boot-status[data-status-for="${part}"]`);

/** Checks that the message is shown, says `what`, and links to the pages that work without it. */
async function expectMessage(page, part, what) {
  const box = message(page, part);
  await box.waitFor({ timeout: 10000 });
  assert.ok(await box.isVisible(), `${part}: the message is visible`);
  assert.match(await box.innerText(), what, `${part}: the message says what is wrong`);
  assert.match(await box.innerText(), /在浏览器打开/, `${part}: the message says what to do`);
  const links = await box.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['/diseases', '/hospitals', '/policy'], `${part}: the message points to what works without it`);
}

/** The small parts (朗读, 大字, 分享) are hidden and the page says why in one line. */
async function expectSmallPartsExplained(page) {
  assert.equal(await page.getByRole('button', { name: /朗读/ }).count(), 0, '朗读 is hidden');
  assert.equal(await page.getByRole('button', { name: /大字/ }).count(), 0, '大字 is hidden');
  assert.match(await page.locator('#boot-page-status').innerText(), /朗读、大字和分享按钮/);
}

test('without WebAssembly, every tool says the browser is too old and what to do', async () => {
  for (const [path, part] of TOOLS) {
    const { context, page } = await openPage(browser);
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(`${BASE_URL}${path}`);
    await expectMessage(page, part, /这个浏览器太旧/);
    assert.equal(await page.locator('html').getAttribute('data-boot'), 'unsupported');
    assert.equal(await page.locator('html').getAttribute('data-app'), null, 'nothing ran');
    // /embed is the form alone, with no header and so no small parts.
    if (path !== '/embed') await expectSmallPartsExplained(page);
    if (path === '/calculator') await screenshot(page, 'calculator-no-wasm-360');
    await context.close();
  }
});

test('a text page without WebAssembly hides 朗读, 大字 and 分享 and says why', async () => {
  const { context, page } = await openPage(browser);
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(`${BASE_URL}/policy`);
  await page.locator('#boot-page-status').waitFor({ timeout: 10000 });
  await expectSmallPartsExplained(page);
  assert.match(await page.locator('h1').innerText(), /./, 'the text is all there');
  await context.close();
});

test('when the wasm cannot be downloaded, every tool says so', async () => {
  for (const [path, part] of TOOLS) {
    const { context, page } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${BASE_URL}${path}`);
    await expectMessage(page, part, /没能运行/);
    assert.equal(await page.locator('html').getAttribute('data-boot'), 'failed');
    await context.close();
  }
});

test('when the wasm does not compile, the calculator says so', async () => {
  const { context, page } = await openPage(browser);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') }));
  await page.goto(`${BASE_URL}/calculator`);
  await expectMessage(page, 'calculator', /没能运行/);
  await context.close();
});

test('with JavaScript off, every tool says it needs scripts and what to do', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  for (const [path, part] of TOOLS) {
    const page = await context.newPage();
    await page.goto(`${BASE_URL}${path}`);
    await expectMessage(page, part, /关闭了脚本/);
    assert.match(await page.locator('#boot-page-status').innerText(), /朗读、大字和分享按钮用不了/);
    assert.ok(!(await page.getByRole('button', { name: /朗读/ }).isVisible()), `${path}: 朗读 is hidden`);
    if (path === '/calculator') await screenshot(page, 'calculator-no-script-360');
    await page.close();
  }
  await context.close();
});

test('a tap before the calculator runs waits visibly and is done once it runs; a stalled download says so', async () => {
  const { context, page, problems } = await openPage(browser);
  const release = await holdWasm(page);
  await page.goto(`${BASE_URL}/calculator#dt=2018-03-01`);
  // Without a tap, a line at the bottom of the screen says the calculator is getting ready.
  await page.locator('#boot-getting-ready').waitFor({ timeout: 5000 });
  assert.match(await page.locator('#boot-getting-ready').innerText(), /住院费用计算器正在准备/);
  const answer = page.locator('button.answer', { has: page.locator('.answer-label', { hasText: /^农村低保对象$/ }) });
  await answer.click();
  await page.getByRole('button', { name: '继续' }).click();
  // Held: nothing has happened yet, the page was not reloaded, and it says it is getting ready.
  await expectHeldMessage(page);
  assert.equal(await answer.getAttribute('aria-pressed'), 'false', 'the held tap is not shown as done before it is');
  assert.equal(new URL(page.url()).search, '', 'the page was not submitted');
  assert.equal(await page.locator('#guided-heading').textContent(), '病人是哪一类人？');
  // A download that stalls: after a while the calculator says the network is slow.
  await page.locator('.boot-status[data-state="slow"]').waitFor({ timeout: 20000 });
  assert.match(await message(page, 'calculator').innerText(), /网络较慢/);
  await screenshot(page, 'calculator-slow-network-360');
  release();
  await waitForApp(page);
  // Both taps are done, in order: the answer is chosen and the flow moved on.
  await page.waitForFunction(() => document.getElementById('guided-heading')?.textContent === '病人得的是什么病？', null, { timeout: 5000 });
  await page.waitForFunction(() => location.hash.includes('c=dibao'), null, { timeout: 5000 });
  assert.equal(await message(page, 'calculator').count(), 0, 'the message is gone once the calculator runs');
  assert.equal(await page.locator('#boot-getting-ready').count(), 0, 'so is the line at the bottom');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a field typed into before its part runs keeps its value, and the part takes it', async () => {
  const { context, page, problems } = await openPage(browser);
  const release = await holdWasm(page);
  await page.goto(`${BASE_URL}/premium#y=2020&r=junshan`);
  await page.getByLabel('农村低保对象', { exact: true }).fill('2');
  release();
  await waitForApp(page);
  // 2 低保 in 2020: the family pays half of 2 × 250.00.
  await page.waitForFunction(() => document.getElementById('family-pays')?.textContent === '¥250.00', null, { timeout: 5000 });
  assert.equal(await page.getByLabel('农村低保对象', { exact: true }).inputValue(), '2');
  await page.waitForFunction(() => location.hash.includes('dibao=2'), null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

async function expectHeldMessage(page) {
  const box = message(page, 'calculator');
  await box.waitFor({ timeout: 5000 });
  assert.match(await box.innerText(), /正在准备/);
  assert.match(await box.innerText(), /准备好后接着做/);
}
