// The premium-subsidy calculator (两补贴) in a real browser on the production build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// Worked by hand from docs/parameters.md: in 2020 the individual contribution is 250 yuan.
// 特困 100% subsidy: the government pays 250, the family 0.
// 低保 50%: 125 each; 2 people → the family pays 250, the government 250.
// Family 0 + 250 = 250.00; government 250 + 250 = 500.00.
const FAMILY_2020 = '¥250.00';
const GOVERNMENT_2020 = '¥500.00';
// With a 扶贫特惠保 premium of 100: the government pays 90% = 90, the family 10.
// Family 250 + 10 = 260.00; government 500 + 90 = 590.00.

async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
}

async function lineFigures(page, category) {
  const line = page.locator(`li.premium-line[data-category=${category}]`);
  return {
    government: await line.locator('[data-figure=government]').innerText(),
    family: await line.locator('[data-figure=family]').innerText(),
  };
}

test('the page loads directly by its address, with its heading and title', async () => {
  const { context, page, problems } = await openPage(browser);
  const response = await page.goto(`${BASE_URL}/premium`);
  assert.equal(response.status(), 200);
  await waitForApp(page);
  assert.match(await page.locator('h1').innerText(), /参保费用补贴计算（两补贴）/);
  assert.equal(await page.title(), '参保费用补贴计算（两补贴） - 健康扶贫政策计算器');
  // The latest year and Junshan are chosen, and the page asks for the family.
  assert.equal(await page.getByRole('button', { name: '2020年' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: '君山区' }).getAttribute('aria-pressed'), 'true');
  assert.match(await page.locator('#premium-result').innerText(), /请在上面填上家里每一类各有几个人/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('1 特困 + 2 低保 in 2020: the family pays ¥250.00, the government ¥500.00, each with its rule and clause', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/premium`);
  await waitForApp(page);
  await page.getByRole('button', { name: '特困人员增加一人' }).click();
  await page.getByLabel('农村低保对象', { exact: true }).fill('2');
  assert.equal(await page.locator('#family-pays').innerText(), FAMILY_2020);
  assert.equal(await page.locator('#government-pays').innerText(), GOVERNMENT_2020);
  assert.deepEqual(await lineFigures(page, 'tekun'), { government: '¥250.00', family: '¥0.00' });
  assert.deepEqual(await lineFigures(page, 'dibao'), { government: '¥250.00', family: '¥250.00' });
  // Each line says its rule with the real numbers, and links its clauses.
  const dibao = page.locator('li.premium-line[data-category=dibao]');
  assert.match(await dibao.locator('.rule').innerText(), /250\.00 元.*50%.*125\.00 元/);
  assert.equal(await dibao.locator('a.citation').first().getAttribute('href'), '/documents/hunan#s3-2');
  assert.match(await dibao.locator('.cite').innerText(), /岳君卫发〔2017〕71号 三/);
  // The contribution is a baseline from public sources, and the page says so.
  assert.match(await page.locator('#contribution-note').innerText(), /250\.00.*（公开资料，可信度中）/);
  // The state is in the link.
  await page.waitForFunction(() => location.hash === '#y=2020&r=junshan&tekun=1&dibao=2');

  // The 扶贫特惠保 premium adds its line: 90% from the government.
  await page.getByLabel('家里一年的扶贫特惠保保费（元）').fill('100');
  assert.deepEqual(await lineFigures(page, 'tehui'), { government: '¥90.00', family: '¥10.00' });
  assert.equal(await page.locator('#family-pays').innerText(), '¥260.00');
  assert.equal(await page.locator('#government-pays').innerText(), '¥590.00');

  // Another year has another contribution: 2017, 150 yuan → 低保 75 each.
  await page.getByRole('button', { name: '2017年' }).click();
  assert.deepEqual(await lineFigures(page, 'dibao'), { government: '¥150.00', family: '¥150.00' });
  await page.getByLabel('家里一年的扶贫特惠保保费（元）').fill('');
  await page.getByRole('button', { name: '2020年' }).click();
  assert.equal(await page.locator('#family-pays').innerText(), FAMILY_2020);
  await noOverflow(page);
  await screenshot(page, 'premium-360');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a copied link reproduces the result in a fresh page', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/premium#y=2020&r=junshan&tekun=1&dibao=2&tehui=100`);
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), '¥260.00');
  assert.equal(await page.locator('#government-pays').innerText(), '¥590.00');
  assert.equal(await page.getByLabel('特困人员', { exact: true }).inputValue(), '1');
  assert.equal(await page.getByLabel('农村低保对象', { exact: true }).inputValue(), '2');
  assert.equal(await page.locator('#damaged-link').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad member count gets its message beside the field; the rest keeps working', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/premium#y=2020&r=junshan&tekun=1&dibao=2`);
  await waitForApp(page);
  const ordinary = page.locator('.field.members[data-category=ordinary]');
  for (const [text, message] of [
    ['abc', '人数要填整数'],
    ['-1', '人数不能是负数'],
    ['100', '每一类最多填 99 人'],
  ]) {
    await page.getByLabel('普通居民（非贫困）', { exact: true }).fill(text);
    assert.match(await ordinary.locator('.field-error').innerText(), new RegExp(message));
    assert.equal(await page.locator('#family-pays').innerText(), FAMILY_2020);
  }
  assert.match(await page.locator('#partial').innerText(), /那一项先不算/);
  await page.getByLabel('普通居民（非贫困）', { exact: true }).fill('1');
  assert.equal(await ordinary.locator('.field-error').isHidden(), true);
  // An ordinary resident pays the whole 250.
  assert.equal(await page.locator('#family-pays').innerText(), '¥500.00');

  // A premium with three decimals, or above the limit, gets its own message.
  const premium = page.getByLabel('家里一年的扶贫特惠保保费（元）');
  await premium.fill('100.123');
  assert.match(await page.locator('#err-tehui').innerText(), /最多只能有两位小数/);
  await premium.fill('100000001');
  assert.match(await page.locator('#err-tehui').innerText(), /不能超过 100,000,000 元/);
  assert.equal(await page.locator('#family-pays').innerText(), '¥500.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged link says so and falls back to the defaults, never a blank page', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/premium#y=1999&r=mars&dibao=2&zz=%E4%ZZ`);
  await waitForApp(page);
  assert.match(await page.locator('#damaged-link').innerText(), /链接不完整或被改动过/);
  assert.equal(await page.getByRole('button', { name: '2020年' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#family-pays').innerText(), '¥250.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the home page and the navigation lead to it', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  await page.getByRole('link', { name: /算一算参保要交多少钱/ }).click();
  await page.waitForURL(/\/premium/);
  assert.match(await page.locator('h1').innerText(), /两补贴/);
  await page.locator('.nav-menu > summary').click();
  assert.equal(await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '参保补贴' }).getAttribute('aria-current'), 'page');
  await page.locator('.nav-menu > summary').click();
  await noOverflow(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page at desktop width', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  await page.goto(`${BASE_URL}/premium#y=2020&r=junshan&tekun=1&dibao=2&ordinary=1&tehui=100`);
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), '¥510.00');
  await noOverflow(page);
  await screenshot(page, 'premium-1280');
  assert.deepEqual(problems, []);
  await context.close();
});
