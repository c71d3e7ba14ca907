// The portal pages: the home page's "am I covered?" check, the nine diseases with their worked
// examples, and the designated hospitals — in a real browser on the production build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const NINE = [
  'esophageal_cancer', 'gastric_cancer', 'colon_cancer', 'rectal_cancer', 'esrd',
  'child_all', 'child_apl', 'child_asd', 'child_vsd',
];

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function citationHrefs(page) {
  return page.locator('a.citation').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

/** Answers the home page's check by tapping the buttons (and typing the age, if given). */
async function answerCheck(page, { category, disease, age }) {
  if (category) await page.locator('#check-category button.choice', { hasText: category }).click();
  if (disease) await page.locator('#check-disease button.choice', { hasText: disease }).click();
  if (age !== undefined) await page.locator('#check-age-input').fill(String(age));
}

test('/diseases opens directly: nine cards, each with an example worked out by the engine', async () => {
  for (const width of [360, 1280]) {
    const { context, page, problems } = await openPage(browser, { width });
    const response = await page.goto(`${BASE_URL}/diseases`);
    assert.equal(response.status(), 200);
    await waitForApp(page);
    assert.equal(await page.locator('h1').innerText(), '九种大病专项救治');
    assert.equal(await page.title(), '九种大病专项救治 - 健康扶贫政策计算器');
    assert.deepEqual(
      await page.locator('.disease-card').evaluateAll((cards) => cards.map((c) => c.dataset.disease)), NINE);
    for (const id of NINE) {
      const card = page.locator(`.disease-card[data-disease=${id}]`);
      assert.match(await card.locator('.example-pays').innerText(), /^¥\d{1,3}(,\d{3})*\.\d\d$/, id);
      // The six payers of the settlement sheet, in order.
      assert.deepEqual(
        await card.locator('.payer-step[data-payer]').evaluateAll((ls) => ls.map((l) => l.dataset.payer)),
        ['basic_insurance', 'critical_illness_insurance', 'tehui_insurance', 'medical_assistance', 'hospital_reduction', 'district_fund'],
        id);
      assert.equal(await card.locator('a[data-calculator]').innerText(), '算一算这个病要付多少');
    }
    // By hand (docs/calculation.md, docs/parameters.md), 低保, 30,000 of which 27,000 in policy:
    // 君山区人民医院 (county): basic (27,000 − 500) × 80% = 21,200; 大病保险 0 (5,800 is under the
    // halved deductible 7,500); assistance 70% × 5,800 = 4,060; reduction 50% × 1,740 + 50% × 3,000
    // = 2,370; district fund 70% × 870 = 609; the family pays 30,000 − 28,239 = 1,761.00.
    const gastric = page.locator('.disease-card[data-disease=gastric_cancer]');
    assert.equal(await gastric.locator('.example-pays').innerText(), '¥1,761.00');
    // 岳阳市一人民医院 (city, the disease's designated hospital, not referred, so no −15 points: I6): basic (27,000 − 1,000) × 70% = 18,200; 大病保险 90% ×
    // (8,800 − 7,500) = 1,170; assistance 70% × 7,630 = 5,341; reduction 1,144.50 + 1,500 =
    // 2,644.50; district fund 70% × 1,144.50 = 801.15; the family pays 1,843.35.
    const all = page.locator('.disease-card[data-disease=child_all]');
    assert.equal(await all.locator('.example-pays').innerText(), '¥1,843.35');
    await all.locator('summary').click();
    assert.equal(await all.locator('.payer-step[data-payer=medical_assistance] .payer-step-amount').innerText(), '¥5,341.00');
    assert.match(await all.innerText(), /限0至14岁/);
    assert.match(await page.locator('#other-programmes').innerText(), /尘肺病[\s\S]*血吸虫病/);
    assert.ok(await overflow(page) <= 0, `the page is wider than ${width}px`);
    await screenshot(page, `portal-diseases-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a disease card opens the calculator with that disease chosen', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/diseases`);
  await waitForApp(page);
  await page.locator('.disease-card[data-disease=esrd] a[data-calculator]').click();
  await page.waitForURL(/\/calculator#d=esrd$/);
  await waitForApp(page);
  await page.getByRole('button', { name: '一页填完' }).click();
  assert.equal(await page.locator('#f-disease').inputValue(), 'esrd');
  assert.deepEqual(problems, []);
  await context.close();
});

test('/hospitals opens directly: two hospitals, the referral steps and the expert group', async () => {
  for (const width of [360, 1280]) {
    const { context, page, problems } = await openPage(browser, { width });
    const response = await page.goto(`${BASE_URL}/hospitals`);
    assert.equal(response.status(), 200);
    await waitForApp(page);
    assert.equal(await page.locator('h1').innerText(), '定点医院');
    assert.equal(await page.title(), '定点医院 - 健康扶贫政策计算器');
    const cards = page.locator('.hospital-card');
    assert.deepEqual(await cards.evaluateAll((cs) => cs.map((c) => c.dataset.hospital)), ['junshan_people', 'yueyang_first_people']);
    assert.match(await cards.nth(0).innerText(), /胃癌[\s\S]*终末期肾病/);
    assert.match(await cards.nth(1).innerText(), /定点指导医院[\s\S]*儿童室间隔缺损/);
    assert.match(await page.locator('#referral').innerText(), /征得病人和家属同意[\s\S]*科室主任[\s\S]*转诊病情介绍单/);
    assert.match(await page.locator('#pay-at-discharge').innerText(), /先诊疗后付费/);
    assert.match(await page.locator('#what-to-bring').innerText(), /凭相关身份证明[\s\S]*身份证[\s\S]*合医证[\s\S]*贫困证明/);
    const experts = await page.locator('.expert-table tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(experts, ['李小齐', '刘宏亮', '杨君秀', '徐明达', '袁月明', '蔡鉴红', '彭友亮', '曹长波']);
    assert.ok((await citationHrefs(page)).includes('/documents/junshan#att2'));
    assert.ok(await overflow(page) <= 0, `the page is wider than ${width}px`);
    await screenshot(page, `portal-hospitals-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the home check: a 低保 child of 8 with leukaemia is covered and sent to the calculator', async () => {
  for (const width of [360, 1280]) {
    const { context, page, problems } = await openPage(browser, { width });
    await page.goto(`${BASE_URL}/`);
    await waitForApp(page);
    const answer = page.locator('#check-answer');
    assert.equal(await answer.getAttribute('data-verdict'), 'open');
    await answerCheck(page, { category: '农村低保对象', disease: '儿童急性淋巴细胞白血病' });
    assert.equal(await answer.getAttribute('data-verdict'), 'open', 'a children\'s disease needs the age');
    await answerCheck(page, { age: 8 });
    assert.equal(await answer.getAttribute('data-verdict'), 'covered');
    assert.equal(await answer.locator('h3').innerText(), '可以享受九种大病专项救治');
    assert.equal(await page.locator('#check-hospital').innerText(), '岳阳市一人民医院');
    assert.equal(
      await page.locator('#check-category button.chosen').getAttribute('aria-pressed'), 'true');
    assert.ok(await overflow(page) <= 0, `the page is wider than ${width}px`);
    await screenshot(page, `portal-home-${width}`);
    if (width === 360) {
      const link = page.locator('#check-calculator');
      assert.equal(await link.getAttribute('href'), '/calculator#s=4&c=dibao&d=child_all&a=8');
      await link.click();
      await page.waitForURL(/\/calculator#/);
      await waitForApp(page);
      await page.getByRole('button', { name: '一页填完' }).click();
      assert.equal(await page.locator('#f-category').inputValue(), 'dibao');
      assert.equal(await page.locator('#f-disease').inputValue(), 'child_all');
      assert.equal(await page.locator('#f-age').inputValue(), '8');
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the home check: an ordinary resident, another disease, a child over 14, 不知道', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  const answer = page.locator('#check-answer');
  await answerCheck(page, { category: '都不是（普通居民）' });
  assert.equal(await answer.getAttribute('data-verdict'), 'not_poor');
  assert.match(await answer.innerText(), /基本医保[\s\S]*大病保险/);
  assert.equal(await page.locator('#check-calculator').getAttribute('href'), '/calculator#s=2&c=ordinary');

  await answerCheck(page, { category: '建档立卡贫困人口', disease: '其他病' });
  assert.equal(await answer.getAttribute('data-verdict'), 'other_disease');
  assert.match(await answer.innerText(), /三提高[\s\S]*一兜底/);

  await answerCheck(page, { disease: '儿童室间隔缺损', age: 15 });
  assert.equal(await answer.getAttribute('data-verdict'), 'child_over_age');
  assert.match(await answer.innerText(), /0至14岁[\s\S]*本站的理解/);

  await page.locator('#check-age button.choice', { hasText: '不知道' }).click();
  assert.equal(await page.locator('#check-age-input').inputValue(), '');
  assert.equal(await answer.getAttribute('data-verdict'), 'age_unknown');

  await page.locator('#check-category button.choice', { hasText: '不知道' }).click();
  assert.equal(await answer.getAttribute('data-verdict'), 'category_unknown');

  await page.getByRole('button', { name: '重新回答' }).click();
  assert.equal(await answer.getAttribute('data-verdict'), 'open');
  assert.equal(await page.locator('.coverage-check button.chosen').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every clause cited on these pages is on the documents page', async () => {
  const { context, page, problems } = await openPage(browser);
  const hrefs = new Set();
  for (const path of ['/diseases', '/hospitals']) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    for (const h of await citationHrefs(page)) hrefs.add(h);
  }
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  for (const answers of [
    { category: '农村低保对象', disease: '胃癌' },
    { category: '都不是（普通居民）' },
    { category: '特困人员', disease: '其他病' },
    { category: '不知道' },
    { category: '贫困残疾人', disease: '儿童房间隔缺损', age: 20 },
  ]) {
    await answerCheck(page, answers);
    for (const h of await citationHrefs(page)) hrefs.add(h);
  }
  await page.locator('#check-category button.choice', { hasText: '农村低保对象' }).click();
  await page.locator('#check-disease button.choice', { hasText: '不知道' }).click();
  for (const h of await citationHrefs(page)) hrefs.add(h);
  assert.ok(hrefs.size >= 15, `only ${hrefs.size} distinct citations`);
  const byDocument = new Map();
  for (const href of hrefs) {
    const m = href.match(/^\/documents\/(hunan|junshan)#([a-z0-9-]+)$/);
    assert.ok(m, `${href} is not a clause link`);
    byDocument.set(m[1], [...(byDocument.get(m[1]) ?? []), m[2]]);
  }
  for (const [slug, ids] of byDocument) {
    await page.goto(`${BASE_URL}/documents/${slug}`);
    await waitForApp(page);
    for (const id of ids) assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `/documents/${slug}#${id} has no target`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
