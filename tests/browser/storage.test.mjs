// The roster kept on the device is never destroyed: a stored value the page cannot read is left
// byte for byte as it was, with its reason and a way to export it; a browser without storage,
// or with full storage, gets a message and a page that keeps working. And no other site can
// show the roster in a frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, openPage, waitForApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const KEY = 'jkfp.cadre.roster.v1';
const ROW = {
  serial: '1', name: '张三', sex: '男', age: '56', native_place: '君山区', id_number: '', medical_card: '',
  category: '农村低保对象', disease: '胃癌', hospital: '君山区人民医院', referred: '否',
  discharge_date: '2018-03-01', total_cost: '50000', in_policy_cost: '45000', ledger_date: '2018-03-02',
  status: '未完成', completed_date: '', remarks: '',
};
const GOOD = JSON.stringify({ version: 1, rows: [ROW] });

// Each form of a stored roster the page cannot read whole, with what the page says of it.
const UNREADABLE = [
  ['an age stored as a number', GOOD.replace('"age":"56"', '"age":56'), /有误/],
  ['a value cut short', GOOD.slice(0, GOOD.length - 7), /不完整或已损坏/],
  ['a renamed key', GOOD.replace('"name":', '"full_name":'), /不认得的项“full_name”/],
  ['a future version', GOOD.replace('"version":1', '"version":99'), /第 99 版/],
  ['an unknown field beside the rows', GOOD.replace('"version":1', '"version":1,"notes":"x"'), /不认得的项“notes”/],
];

/** Opens /cadre with `value` stored under the roster's key before the page runs. */
async function openWithStored(value) {
  const opened = await openPage(browser);
  await opened.page.addInitScript(([key, stored]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, stored);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, value]);
  await opened.page.goto(`${BASE_URL}/cadre`);
  await waitForApp(opened.page);
  return opened;
}

/** Adds one patient through the page's own form. */
async function addRow(page) {
  await page.click('#add-row');
  await page.fill('#cadre-f1', '李四');
  await page.selectOption('#cadre-f8', '胃癌');
  await page.selectOption('#cadre-f7', '农村低保对象');
  await page.click('#save-row');
  await page.locator('#row-form').waitFor({ state: 'detached' });
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a stored roster the page can read is shown, and a change is saved', async () => {
  const { context, page, problems } = await openWithStored(GOOD);
  assert.equal(await page.locator('#roster-count').innerText(), '1');
  assert.equal(await page.locator('#storage-notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, value, reason] of UNREADABLE) {
  test(`a stored roster with ${name} is left exactly as it was, explained and offered for export`, async () => {
    const { context, page, problems } = await openWithStored(value);
    const notice = page.locator('#storage-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), reason);
    assert.match(await notice.innerText(), /原样留在这台手机/);
    assert.equal(await stored(page), value, 'untouched on opening');
    // A row added in this visit is not saved over it.
    await addRow(page);
    await page.waitForTimeout(300);
    assert.equal(await stored(page), value, 'untouched after a change');
    // Exported as it is.
    const download = page.waitForEvent('download');
    await page.locator('#export-unreadable').click();
    const file = await download;
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString('utf8'), value, 'the export is the stored value itself');
    // Reloading does not change it either.
    await page.reload();
    await waitForApp(page);
    assert.equal(await stored(page), value, 'untouched after a reload');
    if (name === 'a future version') await screenshot(page, 'cadre-unreadable-storage-360');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('setting an unreadable roster aside keeps it under its own key and saves again', async () => {
  const value = UNREADABLE[3][1];
  const { context, page, problems } = await openWithStored(value);
  await page.locator('#set-aside').click();
  await page.locator('#storage-notice').waitFor({ state: 'detached' });
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jkfp.cadre.roster.set-aside.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, [value]);
  assert.deepEqual(JSON.parse(await stored(page)), { version: 1, rows: [] });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, script] of [
  ['throws', () => { Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }); }],
  ['is null', () => { Object.defineProperty(window, 'localStorage', { get() { return null; } }); }],
]) {
  test(`/cadre works for the visit and says so when localStorage ${name}`, async () => {
    const { context, page, problems } = await openPage(browser);
    await page.addInitScript(script);
    await page.goto(`${BASE_URL}/cadre`);
    await waitForApp(page);
    assert.match(await page.locator('#storage-notice').innerText(), /不让本页保存名单.*请用“导出全部”保存/s);
    await addRow(page);
    assert.equal(await page.locator('#roster-count').innerText(), '1', 'the row is on the page');
    assert.deepEqual(problems, [], 'no panic and no error');
    await context.close();
  });
}

test('a full storage is said, with the import report, and the alert clears once a save succeeds', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageFull) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto(`${BASE_URL}/cadre`);
  await waitForApp(page);
  await page.evaluate(() => { window.storageFull = true; });
  const csv = '序号,姓名,性别,年龄,籍贯,身份证号,合医证号,贫困登记,疾病,医院,是否转诊,出院日期,住院总费用,政策范围内费用,建立台账时间,救治状态,完成救治日期,备注\n'
    + '1,王五,男,60,君山区,,,农村低保对象,胃癌,君山区人民医院,否,2018-03-01,50000,45000,2018-03-02,未完成,,\n';
  await page.locator('#cadre-import').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#import-report').waitFor();
  assert.equal(await page.locator('#import-added').innerText(), '1');
  assert.match(await page.locator('#storage-notice').innerText(), /存储空间可能已满/);
  assert.match(await page.locator('#import-saved').innerText(), /没有保存到这台手机/);
  await page.evaluate(() => { window.storageFull = false; });
  await addRow(page);
  await page.locator('#storage-notice').waitFor({ state: 'detached' });
  assert.match(await page.locator('#import-saved').innerText(), /已保存/);
  assert.equal(JSON.parse(await stored(page)).rows.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('/cadre in another site\'s frame does not start and shows no roster; /embed runs there', async () => {
  const host = createServer((request, response) => {
    const path = request.url === '/embed' ? '/embed' : '/cadre';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><title>别的网站</title>
      <iframe src="${BASE_URL}${path}" title="框架" style="width:100%;height:900px;border:0"></iframe>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const { context, page } = await openPage(browser);
  // The roster saved on this device, by a visit of the site itself.
  await page.goto(`${BASE_URL}/cadre`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, GOOD]);
  await page.goto(`http://localhost:${host.address().port}/cadre`);
  const frame = page.frameLocator('iframe');
  await frame.getByText('本页不能放在其他网站的框架里使用').waitFor({ timeout: 10000 });
  await page.waitForTimeout(1500);
  assert.equal(await frame.locator('#roster-count').count(), 0, 'no roster in the frame');
  assert.equal(await frame.locator('html').getAttribute('data-app'), null, 'the wasm did not start');
  assert.equal(await frame.getByRole('link', { name: '单独打开本页' }).getAttribute('target'), '_top');
  await page.goto(`http://localhost:${host.address().port}/embed`);
  await frame.locator('html[data-app="ready"]').waitFor({ timeout: 20000 });
  assert.equal(await frame.getByText('本页不能放在其他网站的框架里使用').count(), 0);
  await context.close();
  host.close();
});
