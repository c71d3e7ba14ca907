// The guided calculator in a real browser: one question per screen, the back link and the
// browser's back button, "不知道", a bad answer, the keyboard alone, and how every screen looks
// at phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// The example's date: the policy's figures are those in force on this day.
const DATE = 'dt=2018-03-01';
// Every answer of the gastric-cancer example, for opening a later step directly.
const ANSWERED = `${DATE}&c=dibao&d=gastric_cancer&a=56&h=junshan_people&rf=false&t=50000&p=45000`;

const heading = (page) => page.locator('#guided-heading');

/** The answer button whose own label (not its help text) is `label`. */
function answer(page, label) {
  return page.locator('button.answer').filter({
    has: page.locator('.answer-label', { hasText: new RegExp(`^${label}$`) }),
  });
}

async function expectHeading(page, text) {
  await page.waitForFunction(
    (t) => document.getElementById('guided-heading')?.textContent === t,
    text,
    { timeout: 5000 },
  );
}

async function choose(page, label) {
  await answer(page, label).first().click();
  assert.equal(await answer(page, label).first().getAttribute('aria-pressed'), 'true');
}

async function carryOn(page, nextHeading) {
  await page.getByRole('button', { name: '继续' }).click();
  await expectHeading(page, nextHeading);
}

async function noHorizontalScroll(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
}

async function open(page, fragment) {
  await page.goto(`${BASE_URL}/calculator#${fragment}`);
  await waitForApp(page);
}

test('the gastric-cancer example, one question at a time, to the check screen and the result', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, DATE);
  await expectHeading(page, '病人是哪一类人？');
  assert.equal(await page.getByRole('button', { name: /返回上一步/ }).count(), 0, 'the first step has no back link');
  assert.equal(await page.locator('button.answer').count(), 6, 'five categories and 不知道');

  await choose(page, '农村低保对象');
  await carryOn(page, '病人得的是什么病？');
  for (const group of ['消化道肿瘤', '终末期肾病', '儿童白血病', '儿童先天性心脏病']) {
    assert.equal(await page.locator('.answer-group h3', { hasText: group }).count(), 1, group);
  }
  assert.equal(await page.locator('button.answer').count(), 11, 'nine diseases, 其他疾病 and 不知道');

  await choose(page, '胃癌');
  await carryOn(page, '病人多大年龄？');
  await page.locator('#g-age').fill('56');
  await carryOn(page, '在哪家医院住院？');

  // The designated hospital for gastric cancer comes first, and says why.
  const first = page.locator('button.answer').first();
  assert.match(await first.innerText(), /推荐：这是这个病的定点救治医院/);
  assert.match(await first.innerText(), /君山区人民医院/);
  assert.match(await first.innerText(), /四（二）1/);
  await choose(page, '君山区人民医院');
  assert.equal(await page.locator('fieldset.sub-question').count(), 0, 'a named hospital needs no more questions');
  await carryOn(page, '住院前有没有办转诊？');
  await choose(page, '没有办转诊');
  await carryOn(page, '住院花了多少钱？');
  await page.locator('#g-total_cost').fill('50000');
  await page.locator('#g-in_policy_cost').fill('45000');
  await carryOn(page, '请核对填写的内容');

  const answers = await page.locator('.check-answers').innerText();
  // 建档立卡 is asked of a 低保 patient beside the category; left unanswered, it is "不是".
  for (const text of ['农村低保对象', '不是（没有选）', '胃癌', '56 岁', '君山区人民医院', '没有办转诊', '¥50,000.00', '¥45,000.00', '2018-03-01']) {
    assert.ok(answers.includes(text), `the check screen lists ${text}`);
  }
  assert.equal(await page.locator('.check-row').count(), 9);
  assert.equal(await page.getByRole('button', { name: /^修改/ }).count(), 9, 'every answer can be changed');

  await page.getByRole('button', { name: '看结果' }).click();
  await page.waitForSelector('#family-pays');
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.equal(await page.locator('li.payer').count(), 6);
  assert.ok(page.url().includes('s=8'));
  // Focus lands on the result's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-title');

  await page.getByRole('button', { name: /修改填写的内容/ }).first().click();
  await expectHeading(page, '请核对填写的内容');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the back link and the browser back button each go back a step and keep the answer', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, DATE);
  await choose(page, '特困人员');
  await carryOn(page, '病人得的是什么病？');
  // Focus is on the new question.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'guided-heading');
  await choose(page, '终末期肾病');
  await carryOn(page, '病人多大年龄？');

  // The browser's back button, twice.
  await page.goBack();
  await expectHeading(page, '病人得的是什么病？');
  assert.equal(await answer(page, '终末期肾病').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'guided-heading');
  await page.goBack();
  await expectHeading(page, '病人是哪一类人？');
  assert.equal(await answer(page, '特困人员').getAttribute('aria-pressed'), 'true');

  // The back link. (Answers given after the entry the back button returned to are not in it.)
  await carryOn(page, '病人得的是什么病？');
  await choose(page, '终末期肾病');
  await carryOn(page, '病人多大年龄？');
  await page.getByRole('button', { name: /返回上一步/ }).click();
  await expectHeading(page, '病人得的是什么病？');
  assert.equal(await answer(page, '终末期肾病').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'guided-heading');

  // Changing an answer from the check screen comes straight back to it.
  await open(page, `s=7&${ANSWERED}`);
  await expectHeading(page, '请核对填写的内容');
  await page.getByRole('button', { name: /^修改\s*年龄$/ }).click();
  await expectHeading(page, '病人多大年龄？');
  await page.locator('#g-age').fill('60');
  await carryOn(page, '请核对填写的内容');
  assert.ok((await page.locator('.check-answers').innerText()).includes('60 岁'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('不知道 for the in-policy cost gives a result that names the 九成 assumption', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, `s=6&${DATE}&c=dibao&d=gastric_cancer&a=56&h=junshan_people&rf=false`);
  await expectHeading(page, '住院花了多少钱？');
  await page.locator('#g-total_cost').fill('50000');
  const inPolicy = page.locator('.field', { has: page.locator('#g-in_policy_cost') });
  await inPolicy.locator('button.answer').click();
  assert.equal(await inPolicy.locator('button.answer').getAttribute('aria-pressed'), 'true');
  await carryOn(page, '请核对填写的内容');
  assert.match(await page.locator('.check-row', { hasText: '政策范围内费用' }).innerText(), /不知道/);
  await page.getByRole('button', { name: '看结果' }).click();
  await page.waitForSelector('.assumptions');
  assert.match(await page.locator('.assumptions').innerText(), /九成/);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad age shows its message, keeps the step, and the page keeps working', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, `s=3&${DATE}&c=dibao&d=child_all`);
  await expectHeading(page, '病人多大年龄？');
  // The children's diseases cover 0 to 14 only; the page says so.
  assert.match(await page.locator('.guided .notice').innerText(), /0到14岁/);
  assert.ok(await page.locator('#gerr-age').isHidden(), 'no message before 继续 is pressed');

  await page.locator('#g-age').fill('abc');
  await page.getByRole('button', { name: '继续' }).click();
  await page.waitForSelector('#gerr-age:not([hidden])');
  assert.equal(await page.locator('#gerr-age').innerText(), '年龄要填 0 到 150 之间的整数（周岁）');
  assert.equal(await heading(page).innerText(), '病人多大年龄？');
  assert.ok(!page.url().includes('s=4'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'g-age');
  assert.equal(await page.locator('#g-age').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'guided-step3-error-360');

  // An unanswered choice says so too, with focus on the message.
  await page.locator('#g-age').fill('9');
  assert.ok(await page.locator('#gerr-age').isHidden(), 'a corrected answer clears its message');
  await carryOn(page, '在哪家医院住院？');
  await page.getByRole('button', { name: '继续' }).click();
  await page.waitForSelector('#gerr-hospital:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'gerr-hospital');
  // The designated hospital for a child's leukaemia is the city's.
  assert.match(await page.locator('button.answer').first().innerText(), /岳阳市一人民医院/);
  // By level, the same screen asks about the place and the designation.
  await choose(page, '其他县级医院');
  assert.equal(await page.locator('fieldset.sub-question').count(), 2);
  await page.getByRole('button', { name: '继续' }).click();
  await page.waitForSelector('#gerr-in_county:not([hidden])');
  await choose(page, '在本县（区）内');
  await page.locator('fieldset.sub-question').nth(1).locator('button.answer', { hasText: '不知道' }).click();
  await carryOn(page, '住院前有没有办转诊？');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until the focused element matches, then returns; fails after `limit` presses. */
async function tabTo(page, matches, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el?.querySelector?.('.answer-label')?.textContent;
      return { id: el?.id ?? '', text: label ?? el?.textContent?.trim() ?? '' };
    });
    if (matches(focused)) return;
  }
  assert.fail(`Tab never reached the element (${matches})`);
}

const byText = (text) => (f) => f.text === text;
const byId = (id) => (f) => f.id === id;

test('the whole path with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, DATE);
  const pick = async (label) => { await tabTo(page, byText(label)); await page.keyboard.press('Space'); };
  const carry = async (next) => { await tabTo(page, byText('继续')); await page.keyboard.press('Enter'); await expectHeading(page, next); };
  const type = async (id, text) => { await tabTo(page, byId(id)); await page.keyboard.type(text); };

  await pick('农村低保对象');
  await carry('病人得的是什么病？');
  await pick('胃癌');
  await carry('病人多大年龄？');
  await type('g-age', '56');
  // Enter in the box is "继续".
  await page.keyboard.press('Enter');
  await expectHeading(page, '在哪家医院住院？');
  await pick('君山区人民医院');
  await carry('住院前有没有办转诊？');
  await pick('没有办转诊');
  await carry('住院花了多少钱？');
  await type('g-total_cost', '50000');
  await type('g-in_policy_cost', '45000');
  await carry('请核对填写的内容');
  await tabTo(page, byText('看结果'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#family-pays');
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every step and the result at 360 px and 1280 px', async () => {
  const screens = [
    ['step1', 1, '病人是哪一类人？'],
    ['step2', 2, '病人得的是什么病？'],
    ['step3', 3, '病人多大年龄？'],
    ['step4', 4, '在哪家医院住院？'],
    ['step5', 5, '住院前有没有办转诊？'],
    ['step6', 6, '住院花了多少钱？'],
    ['step7', 7, '请核对填写的内容'],
    ['date', 9, '哪天出院？'],
  ];
  for (const [width, height] of [[360, 780], [1280, 800]]) {
    const { context, page, problems } = await openPage(browser, { width, height });
    for (const [name, step, title] of screens) {
      await open(page, `s=${step}&${ANSWERED}`);
      await expectHeading(page, title);
      await screenshot(page, `guided-${name}-${width}`);
      await noHorizontalScroll(page, `${name} at ${width}`);
    }
    await open(page, `s=4&${DATE}&c=dibao&d=gastric_cancer&a=56&h=county&ic=true&u=dg`);
    await expectHeading(page, '在哪家医院住院？');
    await screenshot(page, `guided-step4-level-${width}`);
    await noHorizontalScroll(page, `step4 by level at ${width}`);

    await open(page, `s=8&${ANSWERED}`);
    await page.waitForSelector('#family-pays');
    await screenshot(page, `guided-result-${width}`);
    await noHorizontalScroll(page, `result at ${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('going back two steps with the browser and forward again keeps the later answers', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, DATE);
  await choose(page, '农村低保对象');
  await carryOn(page, '病人得的是什么病？');
  await choose(page, '胃癌');
  await carryOn(page, '病人多大年龄？');
  await page.locator('#g-age').fill('56');
  await carryOn(page, '在哪家医院住院？');

  await page.goBack();
  await expectHeading(page, '病人多大年龄？');
  await page.goBack();
  await expectHeading(page, '病人得的是什么病？');
  assert.equal(await answer(page, '胃癌').first().getAttribute('aria-pressed'), 'true');
  await carryOn(page, '病人多大年龄？');
  assert.equal(await page.locator('#g-age').inputValue(), '56', 'the age given later was lost');
  await carryOn(page, '在哪家医院住院？');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link opened afresh is taken exactly as written, not merged with earlier answers', async () => {
  const { context, page, problems } = await openPage(browser);
  await open(page, `${ANSWERED}&s=7`);
  await page.goto(`${BASE_URL}/calculator#${DATE}&c=tekun&s=2`);
  await expectHeading(page, '病人得的是什么病？');
  assert.equal(await answer(page, '胃癌').first().getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});
