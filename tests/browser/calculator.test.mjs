// The calculator's quick form and result, in a real browser on the production build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// The worked example (tests/cases/01-…): 低保, gastric cancer, 56, 君山区人民医院, 50,000 of which
// 45,000 in policy, discharged 2018-03-01.
const EXPECTED_LINES = WORKED.lines;

async function fillGastricExample(page) {
  await page.goto(`${BASE_URL}/calculator#m=q&dt=2018-03-01`);
  await waitForApp(page);
  await page.getByLabel('身份').selectOption('dibao');
  await page.getByLabel('疾病').selectOption('gastric_cancer');
  await page.getByLabel('年龄（周岁）').fill('56');
  await page.getByLabel('住院的医院').selectOption('junshan_people');
  await page.getByLabel('住院总费用').fill('50000');
  await page.getByLabel('政策范围内费用').fill('45000');
}

async function payerAmounts(page) {
  return page.locator('li.payer').evaluateAll((items) => Object.fromEntries(
    items.map((li) => [li.dataset.payer, li.querySelector('.payer-amount').textContent.trim()])));
}

test('the quick form gives the worked example: what the family pays, six lines in order', async () => {
  const { context, page, problems } = await openPage(browser);
  await fillGastricExample(page);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.deepEqual(await payerAmounts(page), EXPECTED_LINES);
  assert.deepEqual(
    await page.locator('li.payer').evaluateAll((items) => items.map((li) => li.dataset.payer)),
    Object.keys(EXPECTED_LINES));
  assert.equal(await page.locator('#ordinary-pays').innerText(), WORKED.ordinaryPays);
  assert.equal(await page.locator('#savings').innerText(), WORKED.savings);
  // Each line says its rule with the real numbers.
  assert.match(await page.locator('li.payer[data-payer=basic_insurance] .rule').innerText(), /35,600\.00/);
  assert.match(await page.locator('li.payer[data-payer=district_fund] .rule').innerText(), /807\.45/);
  // The chart is drawn, with one bar per payer that pays and one for the family.
  assert.equal(await page.locator('.chart svg rect').count(), 6);
  // The no-deposit and 兜底 notes apply to this case.
  assert.match(await page.locator('.note.no-deposit').innerText(), /先诊疗后付费/);
  assert.match(await page.locator('.note.doudi').innerText(), /346\.05/);
  await screenshot(page, 'calculator-quick-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every clause a result cites opens its paragraph in the original document', async () => {
  const { context, page, problems } = await openPage(browser);
  await fillGastricExample(page);
  const hrefs = [...new Set(await page.locator('.result a.citation').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))];
  assert.ok(hrefs.length >= 4, `only ${hrefs.length} distinct citations`);
  for (const href of hrefs) {
    assert.match(href, /^\/documents\/(hunan|junshan)#s[0-9-]+$/);
    await page.goto(`${BASE_URL}${href}`);
    await waitForApp(page);
    const id = href.split('#')[1];
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `${href} has no target`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a copied link reopens the same estimate in a fresh page, and nothing leaves the machine', async () => {
  const first = await openPage(browser);
  await fillGastricExample(first.page);
  // The address bar follows the answers once typing pauses.
  await first.page.waitForURL(/#.*p=45000/);
  const url = first.page.url();
  assert.match(url, /#.*t=50000/);
  await first.context.close();

  const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(url);
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.equal(await page.getByLabel('疾病').inputValue(), 'gastric_cancer');
  await screenshot(page, 'calculator-quick-1280');
  // openPage records any request to another origin as a problem.
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tampered link opens the embedded calculator with the same message', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/embed#m=q&c=king&rf=yes&d=gastric_cancer&t=50000`);
  await waitForApp(page);
  await page.locator('#damaged-link').waitFor();
  assert.match(await page.locator('#damaged-link').innerText(), /不完整或被改动过/);
  assert.equal(await page.getByLabel('疾病').inputValue(), 'gastric_cancer');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tampered link opens the calculator with a clear message and safe defaults', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/calculator#m=q&c=king&zz=%ZZ&d=gastric_cancer&t=50000`);
  await waitForApp(page);
  await page.locator('#damaged-link').waitFor();
  assert.match(await page.locator('#damaged-link').innerText(), /不完整或被改动过/);
  // What could be read is kept; the rest is empty and the form still works.
  assert.equal(await page.getByLabel('疾病').inputValue(), 'gastric_cancer');
  assert.equal(await page.getByLabel('身份').inputValue(), '');
  await page.getByLabel('身份').selectOption('dibao');
  await page.getByLabel('年龄（周岁）').fill('56');
  await page.getByLabel('住院的医院').selectOption('junshan_people');
  await page.getByLabel('政策范围内费用').fill('45000');
  await page.getByLabel('出院日期').fill('2018-03-01');
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  await screenshot(page, 'calculator-tampered-360');
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input gets a Chinese message next to its field, and the page keeps working', async () => {
  const { context, page, problems } = await openPage(browser);
  await fillGastricExample(page);
  const total = page.getByLabel('住院总费用');
  const error = page.locator('#err-total_cost');

  await total.fill('5万元');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.innerText(), /总费用/);
  assert.equal(await total.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#family-pays').count(), 0);

  await total.fill('1000000000');
  assert.match(await error.innerText(), /总费用/);

  await total.fill('40000');
  const inPolicyError = page.locator('#err-in_policy_cost');
  await inPolicyError.waitFor({ state: 'visible' });
  assert.match(await inPolicyError.innerText(), /政策范围内/);
  await screenshot(page, 'calculator-errors-360');

  await total.fill('50000');
  assert.equal(await error.isVisible(), false);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);

  await page.getByLabel('年龄（周岁）').fill('-3');
  assert.match(await page.locator('#err-age').innerText(), /年龄/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the what-if comparisons change the figure, one tap each', async () => {
  const { context, page, problems } = await openPage(browser);
  await fillGastricExample(page);
  for (const id of ['hospital', 'referral', 'cap']) {
    const item = page.locator(`li.what-if[data-what-if=${id}]`);
    await item.locator('button').click();
    const amounts = await item.locator('.compare-amount').allInnerTexts();
    assert.equal(amounts.length, 2);
    assert.equal(amounts[0], WORKED.pays);
    if (id !== 'referral') assert.notEqual(amounts[1], amounts[0], `${id} changed nothing`);
  }
  // Outside the designated hospital there is no reduction and no district fund.
  const other = await page.locator('li.what-if[data-what-if=hospital] .compare-amount.other').innerText();
  assert.ok(Number(other.replace(/[¥,]/g, '')) > Number(WORKED.plain.patient_pays));
  await screenshot(page, 'calculator-what-if-360');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an edited parameter changes the result, is marked, and can be reset', async () => {
  const { context, page, problems } = await openPage(browser);
  await fillGastricExample(page);
  await page.locator('#advanced summary').click();
  const rate = page.locator('#param-basic-rate-county');
  assert.equal(await rate.inputValue(), '70');
  assert.ok(await page.locator('li.param').count() >= 20, 'every parameter in force is listed');
  assert.match(await page.locator('li.param[data-param="critical.deductible"] .confidence').innerText(), /估计值/);

  await rate.fill('75');
  await page.locator('#custom-parameters').waitFor();
  assert.equal(await page.locator('#family-pays').innerText(), '¥2,822.87');
  await page.waitForURL(/o\.basic\.rate\.county=75/);

  await rate.fill('175');
  assert.match(await page.locator('#param-basic-rate-county-error').innerText(), /县级/);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays, 'an invalid value is not used');

  await page.locator('li.param[data-param="basic.rate.county"] button').click();
  assert.equal(await rate.inputValue(), '70');
  assert.equal(await page.locator('#custom-parameters').count(), 0);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  await screenshot(page, 'calculator-advanced-360');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quick form can be filled with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/calculator#m=q&dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&p=45000`);
  await waitForApp(page);
  // Tab from the top of the page to the total-cost field, then type.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) === 'f-total_cost') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-total_cost');
  await page.keyboard.type('50000');
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  // A visible focus ring is drawn.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching between the two ways of filling in is one history step: back returns', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/calculator#dt=2018-03-01&c=dibao`);
  await waitForApp(page);
  await page.getByRole('button', { name: '一页填完' }).click();
  await page.waitForURL(/m=q/);
  assert.equal(await page.getByLabel('身份').inputValue(), 'dibao');
  await page.goBack();
  await page.waitForURL((url) => !url.hash.includes('m=q'));
  assert.equal(await page.getByRole('button', { name: '一步一步填' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link from another page of the site opens the calculator with its answers', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/diseases`);
  await waitForApp(page);
  const before = await page.evaluate(() => history.length);
  await page.locator('[data-calculator=esrd]').click();
  await page.waitForURL(/\/calculator#/);
  await page.getByRole('button', { name: '一页填完' }).click();
  assert.equal(await page.getByLabel('疾病').inputValue(), 'esrd');
  // The page it came from keeps its own address.
  await page.goBack();
  await page.goBack();
  await page.waitForURL(`${BASE_URL}/diseases`);
  assert.ok((await page.evaluate(() => history.length)) > before);
  assert.deepEqual(problems, []);
  await context.close();
});
