// Every sentence that applies one of the site's readings of the documents (docs/calculation.md I1–I9)
// carries its label, and every figure the documents do not give carries its confidence mark,
// wherever it is written: on every page of the page table, on the calculator's and the embed's
// results for the cases that apply each reading, in the home page's check, and in the roster's
// printed forms. The test looks for the words that state a reading or a baseline figure, and
// fails when the block that holds them (a paragraph, a list item, a table cell, a payer line)
// has no label or mark beside them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, pageTable, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

// What states a reading, by id. The patterns are written as the site writes the rule, not as the
// documents quote it.
const READINGS = {
  I4: String.raw`(0|零)\s*(到|至|-|–|~)\s*14\s*岁|14\s*岁及以下|满\s*15\s*岁|15\s*岁及以上|按\s*14\s*岁`,
  I1: String.raw`(大病保险|大病住院)[^。；]{0,40}(按|提高到)\s*90%`,
  I3: String.raw`特困(人员|供养人员)?[^。；，]{0,12}(按|获|救助)[^。；]{0,6}70%`,
  I6: String.raw`视同已转诊|不降低(基本医保的)?报销比例`,
  I8: String.raw`10\s*个百分点`,
  I9: String.raw`专项资金[^。]{0,16}(只补助|只给|才有)[^。]{0,10}定点|定点[^。]{0,16}才有[^。]{0,12}(区级|专项资金)`,
};
// A figure the documents do not give: a basic-insurance deductible, ratio by hospital level or
// cap, the −15 points, the ordinary 大病保险 deductible and its half.
const BASELINE = String.raw`起付线\s*[¥￥]?\s*[\d,]+(\.\d+)?\s*元|15\s*个百分点|封顶线\s*[¥￥]?\s*[\d,]{5,}|(乡镇卫生院|县级医院|市级医院|省级医院)\s*\d+\s*%|(?<![\d,])1[5５],?000(\.00)?\s*元|(?<![\d,])7,?500(\.00)?\s*元`;

/// The blocks of the page that state a reading or a baseline figure without its label or mark.
async function unmarked(page) {
  return page.evaluate(({ READINGS, BASELINE }) => {
    const blocks = 'p, li, td, th, dd, dt, h1, h2, h3, h4, label, legend, figcaption, summary, .choice-help, .choice-label, option';
    const problems = [];
    const baseline = new RegExp(BASELINE);
    for (const el of document.querySelectorAll(`main ${blocks.split(', ').join(', main ')}`)) {
      // Check the smallest block: a list item's own paragraphs are checked themselves.
      if (el.querySelector(blocks)) continue;
      const text = el.textContent.replace(/\s+/g, ' ');
      const scope = el.closest('[data-mark-scope]') ?? el;
      const scopeText = scope.textContent;
      for (const [id, pattern] of Object.entries(READINGS)) {
        if (!new RegExp(pattern).test(text)) continue;
        const labelled = scope.querySelector(`[data-reading="${id}"]`) || scope.closest(`[data-reading="${id}"]`)
          || new RegExp(`本站的理解\\s*[（(]?\\s*${id}\\b`).test(scopeText);
        if (!labelled) problems.push(`${id}: ${text.trim().slice(0, 160)}`);
      }
      if (baseline.test(text)) {
        const marked = scope.querySelector('[data-confidence]') || scope.closest('[data-confidence]')
          || /公开资料，可信度[高中低]|估计值，请以当地政策为准|你修改过的数值|基线参数，来自公开资料/.test(scopeText);
        if (!marked) problems.push(`baseline: ${text.trim().slice(0, 160)}`);
      }
    }
    return problems;
  }, { READINGS, BASELINE });
}

async function check(page, where, found) {
  const problems = await unmarked(page);
  assert.deepEqual(problems, [], `${where}: a reading or a baseline figure without its label or mark`);
  if (found) found.add(where);
}

test('every page labels each reading of ours and marks each baseline figure it states', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
  const paths = pageTable().map((p) => p.path).filter((p) => !p.startsWith('/documents'));
  assert.ok(paths.length >= 8, paths.join(' '));
  for (const path of paths) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    // Open every fold, so that what a visitor can open is read too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await check(page, path);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Cases that apply each reading and write each kind of baseline figure.
const CASES = {
  'a child at its designated hospital outside the district, not referred (I6)':
    'm=q&dt=2018-03-01&c=dibao&d=child_apl&a=6&h=yueyang_first_people&rf=false&t=30000&p=28000',
  'a 15-year-old with a children\'s disease (I4)':
    'm=q&dt=2018-03-01&c=dibao&d=child_vsd&a=15&h=yueyang_first_people&rf=false&t=30000&p=28000',
  'gastric cancer at 岳阳市一人民医院 without referral (I7, I9, −15 points)':
    'm=q&dt=2018-03-01&c=tekun&d=gastric_cancer&a=56&h=yueyang_first_people&rf=false&t=50000&p=45000',
  'another disease at a province hospital, an ordinary resident past both caps (tiers, caps)':
    'm=q&dt=2018-03-01&c=ordinary&d=other&a=40&h=province&ic=false&rf=false&t=900000&p=880000',
  'a 特困 patient with a disease outside the nine, province layer (I1, I3, I5)':
    'm=q&dt=2018-03-01&r=hunan&c=tekun&d=other&a=70&h=county&t=50000&p=45000',
};

test('the calculator, the embed and the printed sheet label every reading and mark every baseline figure', async () => {
  const { context, page, problems } = await openPage(browser, { width: 360, height: 780 });
  const readings = new Set();
  for (const [name, fragment] of Object.entries(CASES)) {
    for (const path of ['/calculator', '/embed']) {
      await page.goto(`${BASE_URL}${path}#${fragment}`);
      await waitForApp(page);
      await page.waitForSelector('#family-pays');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await check(page, `${path}: ${name}`);
      if (path === '/calculator' && fragment.includes('child_apl')) await screenshot(page, 'result-child-yueyang-360');
      for (const id of await page.locator('main [data-reading]').evaluateAll((els) => els.map((e) => e.dataset.reading))) readings.add(id);
    }
    // The printed sheet is the same result: its marks must print.
    await page.goto(`${BASE_URL}/calculator#${fragment}`);
    await waitForApp(page);
    await page.waitForSelector('#family-pays');
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.locator('.baseline-figures li, [data-reading]').evaluateAll((els) =>
      els.filter((e) => e.closest('.result') && getComputedStyle(e).display === 'none').length);
    assert.equal(hidden, 0, `${name}: a mark or a label does not print`);
    await page.emulateMedia({ media: 'screen' });
  }
  // Together the cases apply every reading the engine states on a result.
  for (const id of ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'compliant']) {
    assert.ok(readings.has(id), `no case shows ${id}: ${[...readings].join(' ')}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the guided questions and the home page\'s check label the age limit and the other readings', async () => {
  const { context, page, problems } = await openPage(browser, { width: 360, height: 780 });
  for (const step of [1, 2, 3, 4, 5]) {
    await page.goto(`${BASE_URL}/calculator#s=${step}&c=dibao&d=child_all`);
    await waitForApp(page);
    await check(page, `/calculator step ${step}`);
  }
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  const answers = [
    ['农村低保对象', '儿童急性淋巴细胞白血病', null],
    ['农村低保对象', '儿童急性淋巴细胞白血病', '15'],
    ['农村低保对象', '儿童急性淋巴细胞白血病', '6'],
    ['特困人员', '其他病', null],
    ['不知道', '不知道', null],
  ];
  for (const [category, disease, age] of answers) {
    await page.click('text=重新回答');
    await page.locator('#check-category button', { hasText: category }).first().click();
    await page.locator('#check-disease button', { hasText: disease }).first().click();
    if (age) await page.fill('#check-age-input', age);
    await check(page, `home check: ${category}, ${disease}, ${age ?? 'no age'}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
