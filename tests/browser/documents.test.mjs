// The original documents: each opens directly, every cited clause can be linked to and is where
// the link lands, the forms are real tables, and nothing is wider than a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const DOCUMENTS = [
  { slug: 'hunan', h1: /关于印发湖南省健康扶贫工程“三个一批” 行动计划实施方案的通知/, title: '湖南省“三个一批”实施方案（原文） - 健康扶贫政策计算器' },
  { slug: 'junshan', h1: /关于印发君山区农村贫困人口大病专项\s*救治工作方案的通知/, title: '君山区九种大病专项救治方案（原文） - 健康扶贫政策计算器' },
];

/** Whether the element is within the visible part of the window. */
async function inView(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
}

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const { slug, h1, title } of DOCUMENTS) {
  test(`/documents/${slug} opens directly, with its title, note and contents`, async () => {
    const { context, page, problems } = await openPage(browser);
    const response = await page.goto(`${BASE_URL}/documents/${slug}`);
    assert.equal(response.status(), 200);
    await waitForApp(page);
    assert.match(await page.locator('h1').innerText(), h1);
    assert.equal(await page.title(), title);
    assert.match(await page.locator('.doc-note').innerText(), /以下为文件原文，仅整理了分页造成的断行。/);
    assert.equal(await page.locator('#top').count(), 1);
    // The contents link to clauses that are on the page.
    const targets = await page.locator('.doc-toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(targets.length >= 10);
    for (const href of targets) assert.equal(await page.locator(href).count(), 1, href);
    await screenshot(page, `documents-${slug}-360`);
    const wider = await overflow(page);
    assert.ok(wider <= 0, `the page is ${wider}px wider than 360px`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`/documents/${slug} at desktop width`, async () => {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
    await page.goto(`${BASE_URL}/documents/${slug}`);
    await waitForApp(page);
    await screenshot(page, `documents-${slug}-1280`);
    assert.ok(await overflow(page) <= 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [path, anchor] of [['/documents/hunan', '#s3-2'], ['/documents/junshan', '#s4-2-3'], ['/documents/junshan', '#att2']]) {
  test(`${path}${anchor} opened directly lands on that clause and marks it`, async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${BASE_URL}${path}${anchor}`);
    await waitForApp(page);
    await page.waitForFunction((id) => document.querySelector(id)?.matches(':target'), anchor, { timeout: 5000 });
    assert.ok(await inView(page, anchor), `${anchor} is not scrolled into view`);
    const background = await page.locator(anchor).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(255, 243, 191)');
    // What the reader sees on arrival, not the whole page.
    await page.screenshot({ path: `tests/output/documents-${path.split('/').pop()}-${anchor.slice(1)}-360.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a clause answers to its paragraph number too, and its "#" link is a link to itself', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/documents/hunan`);
  await waitForApp(page);
  const clause = page.locator('#s3-2');
  const pId = await clause.locator('> .doc-anchor').getAttribute('id');
  assert.match(pId, /^p\d+$/);
  const here = clause.getByRole('link', { name: '本段链接' });
  assert.equal(await here.getAttribute('href'), '#s3-2');
  assert.equal(await here.innerText(), '#');
  await here.click();
  await page.waitForURL(`${BASE_URL}/documents/hunan#s3-2`);
  assert.ok(await clause.evaluate((el) => el.matches(':target')));
  // The same clause by its paragraph number, after a reload: the clause is marked.
  await page.goto(`${BASE_URL}/documents/hunan#${pId}`);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), pId, { timeout: 5000 });
  assert.ok(await inView(page, '#s3-2'));
  assert.equal(await clause.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 243, 191)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a citation link from another page lands on the clause', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  // Stands in for a citation elsewhere on the site.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/documents/junshan#s4-2-3';
    a.textContent = '四（二）3';
    a.id = 'citation';
    document.querySelector('main').append(a);
  });
  await page.click('#citation');
  await page.waitForFunction(() => document.querySelector('#s4-2-3')?.matches(':target'), null, { timeout: 5000 });
  assert.ok(await inView(page, '#s4-2-3'));
  assert.equal(page.url(), `${BASE_URL}/documents/junshan#s4-2-3`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the forms of the attachments are tables; the expert list has its eight members', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/documents/junshan#att2`);
  await waitForApp(page);
  const tables = page.locator('.doc-body table');
  assert.equal(await tables.count(), 3);
  const experts = tables.nth(1);
  assert.deepEqual(await experts.locator('thead th').allInnerTexts(), ['姓名', '工作单位', '职务/职称', '备注']);
  const rows = experts.locator('tbody tr');
  assert.equal(await rows.count(), 8);
  assert.equal(await rows.first().locator('td').first().innerText(), '李小齐');
  const progress = tables.nth(2);
  assert.equal(await progress.locator('thead th[colspan="5"]').count(), 2);
  assert.equal(await progress.locator('tbody tr').count(), 7);
  // A wide form scrolls inside its frame, never the page.
  const frame = page.locator('.doc-table').first();
  assert.ok(await frame.evaluate((el) => el.scrollWidth > el.clientWidth));
  assert.ok(await overflow(page) <= 0);
  assert.deepEqual(problems, []);
  await context.close();
});
