// The policy explained: it opens directly, its examples are the engine's figures, every term
// and clause link lands on something, a glossary link opened directly lands on its term, and
// nothing is wider than a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// The typical case worked out by hand (tests/cases/01): 低保, gastric cancer, 君山区人民医院,
// 50,000 of which 45,000 in policy, 2018.
const FIGURES = {
  'basic-poor': WORKED.lines.basic_insurance,
  'basic-ordinary': '¥31,150.00',
  'basic-more': '¥4,450.00',
  'critical-poor': '¥1,710.00',
  'critical-ordinary': '¥0.00',
  'assistance-dibao': '¥5,383.00',
  'assistance-non-dibao': '¥3,845.00',
  'premium-contribution': '¥180.00',
  'premium-dibao-family': '¥90.00',
  'premium-tekun-family': '¥0.00',
  reduction: '¥3,653.50',
  fund: '¥807.45',
  'patient-pays': WORKED.pays,
  doudi: '¥346.05',
  'ordinary-pays': WORKED.ordinaryPays,
  'faq-other-pays': '¥12,690.00',
  'faq-referred-pays': '¥2,867.65',
  'faq-not-referred-pays': '¥7,649.00',
};

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function open(page, path = '/policy') {
  const response = await page.goto(`${BASE_URL}${path}`);
  assert.equal(response.status(), 200);
  await waitForApp(page);
  await page.waitForSelector('h1');
}

test('/policy opens directly with its heading, title and sections', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page);
  assert.equal(await page.locator('h1').innerText(), '健康扶贫政策解读');
  assert.equal(await page.title(), '健康扶贫政策解读 - 健康扶贫政策计算器');
  // On a phone the sections are in the 栏目 menu, which opens at a tap.
  await page.locator('.nav-menu > summary').click();
  const here = page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '政策解读' });
  assert.equal(await here.getAttribute('aria-current'), 'page');
  await page.locator('.nav-menu > summary').click();
  for (const id of ['who', 'three-batches', 'measures', 'treatment', 'chronic', 'faq', 'glossary']) {
    assert.equal(await page.locator(`section#${id}`).count(), 1, id);
  }
  assert.ok(await page.locator('.policy-question').count() >= 8);
  assert.equal(await page.locator('.policy-steps > li').count(), 5);
  assert.ok(await page.locator('a[href="/calculator"]').count() >= 1);
  await screenshot(page, 'policy-360');
  const wider = await overflow(page);
  assert.ok(wider <= 0, `the page is ${wider}px wider than 360px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the examples show the engine\'s figures for the typical case', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page);
  const shown = await page.locator('[data-figure]').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.dataset.figure, el.textContent.trim()])));
  for (const [id, amount] of Object.entries(FIGURES)) assert.equal(shown[id], amount, id);
  // The 三提高 example says both figures in one sentence, with the engine's rule beneath.
  const basic = await page.locator('#example-basic').innerText();
  assert.match(basic, /¥35,600\.00.*¥31,150\.00/s);
  assert.match(await page.locator('#example-basic + .policy-rule').innerText(), /（45,000\.00 − 500\.00）× 80% = 35,600\.00/);
  // The readings the site makes are said in words.
  assert.ok(await page.locator('.policy-reading').count() >= 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every term link points at a glossary entry on the page', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page);
  const hrefs = await page.locator('a.term').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 20, `only ${hrefs.length} term links`);
  for (const href of new Set(hrefs)) {
    assert.match(href, /^\/policy#term-[a-z]+$/);
    const id = href.split('#')[1];
    assert.equal(await page.locator(`dl.glossary [id="${id}"]`).count(), 1, `${href} has no entry`);
  }
  // And every in-page link has its target.
  const local = await page.locator('main a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of new Set(local)) assert.equal(await page.locator(`[id="${href.slice(1)}"]`).count(), 1, href);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every clause the page cites is a paragraph of its document', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page);
  assert.equal(await page.locator('main span.citation').count(), 0, 'a citation without a link');
  const hrefs = [...new Set(await page.locator('main a.citation').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))];
  assert.ok(hrefs.length >= 15, `only ${hrefs.length} distinct citations`);
  const byDoc = {};
  for (const href of hrefs) {
    assert.match(href, /^\/documents\/(hunan|junshan)#s[0-9-]+$/);
    const [path, id] = href.split('#');
    (byDoc[path] ??= []).push(id);
  }
  for (const [path, ids] of Object.entries(byDoc)) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    for (const id of ids) assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `${path}#${id}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a glossary link opened directly lands on its term and marks it', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, '/policy#term-qifuxian');
  await page.waitForFunction(() => document.querySelector('#term-qifuxian')?.matches(':target'), null, { timeout: 5000 });
  const top = await page.locator('#term-qifuxian').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `the term is at ${top}px`);
  assert.match(await page.locator('#term-qifuxian dt').innerText(), /起付线/);
  assert.equal(await page.locator('#term-qifuxian').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 243, 191)');
  await page.screenshot({ path: 'tests/output/policy-term-qifuxian-360.png' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a term link followed within the site lands on its entry', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page);
  await page.locator('#measures a.term[href="/policy#term-doudi"]').first().click();
  await page.waitForFunction(() => document.querySelector('#term-doudi')?.matches(':target'), null, { timeout: 5000 });
  const top = await page.locator('#term-doudi').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `the term is at ${top}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('/policy at desktop width', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  await open(page);
  await screenshot(page, 'policy-1280');
  assert.ok(await overflow(page) <= 0);
  assert.deepEqual(problems, []);
  await context.close();
});
