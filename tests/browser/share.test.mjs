// Share, print, read aloud, large text and the embedded calculator, in a real browser on the
// production build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { BASE_URL, WORKED_EXAMPLE as EXAMPLE, launch, openPage, waitForApp, screenshot, WORKED } from './helpers.mjs';

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

const DAXIE = '贰仟捌佰肆拾陆元零伍分';
const DISCLAIMER = '本表为估算，以医院实际结算为准';

/** Prints the page to an A4 PDF; returns its page count and text, and leaves PNGs of its pages. */
async function printToPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const file = `tests/output/${name}.pdf`;
  writeFileSync(file, pdf);
  for (const f of readdirSync('tests/output').filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) {
    rmSync(`tests/output/${f}`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `tests/output/${name}`]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim() !== '').length;
  return { pages, text };
}

/** Decodes the QR code drawn in `selector`. */
async function decodeQr(page, selector) {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code?.data;
}

/** What the QR code in `selector` decodes to once it is `expected` (it is redrawn when the
 * link stops changing), or what it last decoded to after 5 s. */
async function settledQr(page, selector, expected) {
  let decoded;
  for (let tries = 0; tries < 50; tries += 1) {
    decoded = await decodeQr(page, selector);
    if (decoded === expected) break;
    await page.waitForTimeout(100);
  }
  return decoded;
}

test('the estimate prints on one A4 page with the amount in figures and in 大写', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}${EXAMPLE}`);
  await waitForApp(page);
  assert.equal(await page.locator('#family-pays').innerText(), WORKED.pays);
  assert.equal(await page.locator('#family-pays-daxie').innerText(), DAXIE);
  await page.locator('.share .qr-code svg').first().waitFor();
  const { pages, text } = await printToPdf(page, 'sheet-gastric');
  assert.equal(pages, 1, `the sheet runs to ${pages} pages`);
  const flat = text.replace(/\s+/g, '');
  assert.ok(flat.includes(WORKED.pays.slice(1)), 'no amount in figures');
  assert.ok(flat.includes(DAXIE), 'no amount in 大写');
  assert.ok(flat.includes(DISCLAIMER), 'no disclaimer');
  assert.ok(flat.includes('明白纸'), 'no title');
  assert.ok(flat.includes('依据'), 'no clauses');
  assert.ok(!flat.includes('打印明白纸'), 'a button printed');
  assert.ok(!flat.includes('换个情况比一比'), 'the comparisons printed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the QR code under the estimate decodes to the page address with its fragment, and follows it', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}${EXAMPLE}`);
  await waitForApp(page);
  const qr = '.sheet-tools .qr-code';
  await page.locator(`${qr} svg`).waitFor();
  const first = await page.evaluate(() => window.location.href);
  assert.match(first, /#.*t=50000/);
  assert.equal(await settledQr(page, qr, first), first);
  await page.getByLabel('住院总费用').fill('60000');
  await page.waitForFunction(() => window.location.hash.includes('t=60000'));
  const href = await page.evaluate(() => window.location.href);
  assert.equal(await settledQr(page, qr, href), href);
  assert.equal(await page.locator('.sheet-tools .share-field').inputValue(), href);
  await screenshot(page, 'share-calculator-360');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every other page shares its own address; without a share sheet the link is copied and said so', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await page.goto(`${BASE_URL}/diseases`);
  await waitForApp(page);
  await page.locator('.page-share .qr-code svg').waitFor();
  assert.equal(await decodeQr(page, '.page-share .qr-code'), `${new URL(BASE_URL).origin}/diseases`);
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await page.getByRole('button', { name: '分享这个页面' }).click();
  await page.getByText('链接已复制').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${new URL(BASE_URL).origin}/diseases`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share button opens the phone share sheet where there is one', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
  });
  await page.goto(`${BASE_URL}${EXAMPLE}`);
  await waitForApp(page);
  await page.getByRole('button', { name: '分享这个结果' }).click();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 1);
  assert.equal(shared[0].url, await page.evaluate(() => window.location.href));
  assert.deepEqual(problems, []);
  await context.close();
});

/** Replaces the browser's speech synthesis with one that records what it is asked to say. */
function stubSpeech(voices) {
  return (voices) => {
    window.__spoken = [];
    window.SpeechSynthesisUtterance = class {
      constructor(text) { this.text = text; this.lang = ''; this.voice = null; }
    };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speaking: false,
        getVoices: () => voices,
        speak: (u) => { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }); },
        cancel: () => {},
      },
    });
  };
}

test('read aloud speaks the estimate in Mandarin', async () => {
  const { context, page, problems } = await openPage(browser);
  // An online voice is listed first: the text must not go to it.
  await page.addInitScript(stubSpeech(), [
    { name: 'English', lang: 'en-US', localService: true },
    { name: '在线普通话', lang: 'zh-CN', localService: false },
    { name: '普通话', lang: 'zh-CN', localService: true },
  ]);
  await page.goto(`${BASE_URL}${EXAMPLE}`);
  await waitForApp(page);
  await page.locator('#family-pays').waitFor();
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.ok(spoken[0].text.includes(WORKED.pays.slice(1)), spoken[0].text);
  assert.match(spoken[0].text, /基本医保/);
  assert.match(spoken[0].lang, /^zh/);
  assert.equal(spoken[0].voice, '普通话');
  await page.getByRole('button', { name: '停止朗读' }).click();
  await page.getByRole('button', { name: '朗读', exact: true }).waitFor();
  // Elsewhere it reads the page's main text.
  await page.locator('.nav-menu > summary').click();
  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '九种大病' }).click();
  await page.locator('h1', { hasText: '九种大病专项救治' }).waitFor();
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const second = await page.evaluate(() => window.__spoken.at(-1));
  assert.match(second.text, /九种大病专项救治/);
  assert.doesNotMatch(second.text, /估算结果/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('read aloud never uses an online voice: with only online Mandarin voices it says why and speaks nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(stubSpeech(), [{ name: '在线普通话', lang: 'zh-CN', localService: false }]);
  await page.goto(`${BASE_URL}/policy`);
  await waitForApp(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await page.getByText('这台手机只有联网的中文语音：为了不把页面上的内容发到网上，本站不用它朗读').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'nothing was handed to the online voice');
  assert.deepEqual(problems, []);
  await context.close();
});

test('read aloud says so when the phone has no Chinese voice', async () => {
  for (const voices of [[], [{ name: 'English', lang: 'en-US', localService: true }]]) {
    const { context, page, problems } = await openPage(browser);
    await page.addInitScript(stubSpeech(), voices);
    await page.goto(`${BASE_URL}/policy`);
    await waitForApp(page);
    await page.getByRole('button', { name: '朗读', exact: true }).click();
    await page.getByText('这台手机没有中文语音，无法朗读').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__spoken), []);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('large text enlarges the page and survives a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  const toggle = page.getByRole('button', { name: '大字' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.ok(await rootSize() > before * 1.15, 'the text did not grow');
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  assert.equal(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed'), 'true');
  assert.ok(await rootSize() > before * 1.15);
  await screenshot(page, 'large-text-home-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.getByRole('button', { name: '大字' }).click();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed'), 'false');
  assert.equal(await rootSize(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embedded calculator works inside a page of another site', async () => {
  // A county site's page, served from another origin, with the snippet the README gives.
  const host = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><title>某县人民政府</title>
      <h1>某县人民政府网站</h1>
      <iframe src="${BASE_URL}/embed" title="住院费用计算器" style="width:100%;height:900px;border:0"></iframe>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const { context, page, problems } = await openPage(browser, { width: 800, height: 1000 });
  await page.goto(`http://localhost:${host.address().port}/`);
  const frame = page.frameLocator('iframe');
  await frame.locator('main[data-app="ready"], html[data-app="ready"]').first().waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('.site-header').count(), 0);
  assert.equal(await frame.locator('.site-footer').count(), 0);
  await frame.getByLabel('身份').selectOption('dibao');
  await frame.getByLabel('疾病').selectOption('gastric_cancer');
  await frame.getByLabel('年龄（周岁）').fill('56');
  await frame.getByLabel('住院的医院').selectOption('junshan_people');
  await frame.getByLabel('住院总费用').fill('50000');
  await frame.getByLabel('政策范围内费用').fill('45000');
  await frame.getByLabel('出院日期').fill('2018-03-01');
  await frame.locator('#family-pays', { hasText: WORKED.pays }).waitFor();
  const open = frame.getByRole('link', { name: '在健康扶贫政策计算器中打开' });
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.match(await open.getAttribute('href'), /^\/calculator#.*t=50000/);
  await page.screenshot({ path: 'tests/output/embed-in-iframe-800.png', fullPage: true });
  // The county page itself is the one request to another address.
  assert.deepEqual(problems.filter((p) => !p.includes(`localhost:${host.address().port}/`)), []);
  await context.close();
  host.close();
});

test('the poster prints on one A4 page with the worked example and the site QR code', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/poster`);
  await waitForApp(page);
  await page.locator('.poster-qr .qr-code svg').waitFor();
  assert.equal(await decodeQr(page, '.poster-qr .qr-code'), `${new URL(BASE_URL).origin}/`);
  assert.ok((await page.locator('.poster-pays').innerText()).includes(WORKED.pays.slice(1)));
  const { pages, text } = await printToPdf(page, 'poster');
  assert.equal(pages, 1, `the poster runs to ${pages} pages`);
  const flat = text.replace(/\s+/g, '');
  for (const words of ['三提高', '两补贴', '一减免', '一兜底', WORKED.pays.slice(1), '君山区人民医院']) {
    assert.ok(flat.includes(words), `the poster lacks ${words}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
