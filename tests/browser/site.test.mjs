// Site-wide checks on every page of the page table (app/src/routes/pages.rs): each opens directly by
// its URL with its own heading, title, description and share card; every internal link and
// every citation anchor leads somewhere that exists; and axe-core finds no serious or critical
// accessibility problem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BASE_URL, WORKED_EXAMPLE, launch, openPage, waitForApp, screenshot, pageTable } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { mkdirSync('tests/output', { recursive: true }); browser = await launch(); });
after(async () => { await browser?.close(); });

test('every page opens directly by its URL with its own heading, title, description and share card', async () => {
  const { context, page, problems } = await openPage(browser);
  for (const { path, title, description } of pageTable()) {
    const response = await page.goto(`${BASE_URL}${path}`);
    assert.equal(response.status(), 200, path);
    // Before any script runs, the HTML file already names the page.
    const html = await response.text();
    assert.ok(html.includes(`<title>${title} - 健康扶贫政策计算器</title>`), `${path}: static title`);
    assert.ok(html.includes(`<meta name="description" content="${description}">`), `${path}: description`);
    assert.ok(html.includes(`<meta property="og:title" content="${title} - 健康扶贫政策计算器">`), `${path}: og:title`);
    assert.match(html, /<meta property="og:image" content="[^"]*\/og-image\.png">/, `${path}: og:image`);
    await waitForApp(page);
    // Only the parts that respond to the visitor run in the browser, and every one of them does.
    const islands = await page.locator('app-island').evaluateAll((els) => els.map((e) => [e.dataset.island, e.hasAttribute('data-taken-over')]));
    assert.ok(islands.length >= (path === '/embed' ? 1 : 2), `${path}: ${JSON.stringify(islands)}`);
    for (const [name, taken] of islands) assert.ok(taken, `${path}: the ${name} part was not taken over`);
    assert.ok((await page.locator('main h1').first().innerText()).trim().length > 0, `${path}: no heading`);
    assert.equal(await page.title(), `${title} - 健康扶贫政策计算器`, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than 360px`);
    const name = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
    await screenshot(page, `page-${name}-360`);
  }
  const image = await page.goto(`${BASE_URL}/og-image.png`);
  assert.equal(image.headers()['content-type'], 'image/png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every internal link and every anchor on every page leads to something that exists', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
  const links = new Map();
  for (const { path } of pageTable()) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      if (href.startsWith('/') || href.startsWith('#')) links.set(href.startsWith('#') ? `${path}${href}` : href, path);
    }
  }
  assert.ok(links.size > 10, `only ${links.size} internal links found`);
  for (const [href, from] of links) {
    const [path, hash] = href.split('#');
    if (path.startsWith('/calculator') || path.startsWith('/premium')) {
      // Their fragments are the calculators' input, not anchors (and their own tests open
      // them); the page itself must exist. A fresh page each time, since a move that changes
      // only the fragment loads nothing.
      const fresh = await context.newPage();
      const response = await fresh.goto(`${BASE_URL}${path}`);
      assert.equal(response.status(), 200, `${href} (linked from ${from})`);
      await fresh.close();
      continue;
    }
    const response = await page.goto(`${BASE_URL}${path || from}`);
    assert.equal(response.status(), 200, `${href} (linked from ${from})`);
    if (hash) {
      await waitForApp(page);
      const found = await page.evaluate((id) => document.getElementById(decodeURIComponent(id)) !== null, hash);
      assert.ok(found, `${href} (linked from ${from}) has no element with id ${hash}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no serious or critical accessibility problem on any page', async () => {
  const { context, page, problems } = await openPage(browser, { bypassCSP: true });
  const found = [];
  const pages = [...pageTable().map((p) => p.path),
    WORKED_EXAMPLE,
    '/no-such-page'];
  for (const path of pages) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        found.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the sections fold into a 栏目 menu that opens, leads on and closes; on a wide screen they stand in a row', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  const sections = pageTable().filter((p) => p.nav).map((p) => p.nav);
  const nav = page.getByRole('navigation', { name: '主要栏目' });
  // Closed, the menu takes one row of the header, under the site's name.
  assert.equal(await nav.count(), 0);
  const header = await page.locator('.site-header').boundingBox();
  assert.ok(header.height < 130, `the header is ${header.height}px tall`);
  await page.locator('.nav-menu > summary').click();
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), sections);
  for (const box of await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height))) {
    assert.ok(box >= 44, `a menu item is ${box}px tall`);
  }
  await screenshot(page, 'menu-open-360');
  await nav.getByRole('link', { name: '定点医院' }).click();
  await page.locator('h1', { hasText: '定点医院' }).waitFor();
  assert.equal(await page.locator('.nav-menu').getAttribute('open'), null, 'the menu stayed open');
  assert.equal(await nav.count(), 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), sections);
  assert.equal(await nav.getByRole('link', { name: '定点医院' }).getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('.nav-menu').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every citation link, section link and menu button is at least 44 px tall at 360 px', async () => {
  const { context, page, problems } = await openPage(browser);
  const small = [];
  for (const { path } of pageTable()) {
    await page.goto(`${BASE_URL}${path === '/calculator' ? WORKED_EXAMPLE : path}`);
    await waitForApp(page);
    const heights = await page.locator('a.citation, .nav-menu > summary, .site-header button, .terms a').evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 0).map((e) => [e.textContent.trim(), e.getBoundingClientRect().height]));
    for (const [text, height] of heights) if (height < 43.5) small.push(`${path}: ${text} (${height.toFixed(1)}px)`);
  }
  assert.deepEqual(small, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('glossary words are linked on the home, diseases, hospitals, premium and calculator pages', async () => {
  const { context, page, problems } = await openPage(browser);
  const glossary = new Set();
  await page.goto(`${BASE_URL}/policy`);
  await waitForApp(page);
  for (const id of await page.locator('[id^="term-"]').evaluateAll((els) => els.map((e) => e.id))) glossary.add(id);
  const pages = {
    '/diseases': ['term-nongcunpinkun', 'term-dingdianyiyuan', 'term-qifuxian', 'term-zhengcefanwei'],
    '/hospitals': ['term-zhuanzhen', 'term-xianzhenliao', 'term-yizhanshi'],
    '/premium': ['term-tekun', 'term-tehuibao'],
    [WORKED_EXAMPLE]:
      ['term-zhengcefanwei', 'term-qifuxian', 'term-fengdingxian', 'term-heguizifu', 'term-yizhanshi', 'term-doudi'],
  };
  for (const [path, terms] of Object.entries(pages)) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForApp(page);
    const linked = await page.locator('main a[href^="/policy#term-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice('/policy#'.length)));
    for (const term of terms) assert.ok(linked.includes(term), `${path} does not link ${term}`);
    for (const term of linked) assert.ok(glossary.has(term), `${path} links ${term}, which the glossary lacks`);
  }
  // On the home page, the check's answer explains who counts as poor, with the words linked.
  await page.goto(`${BASE_URL}/`);
  await waitForApp(page);
  await page.locator('#check-category button.choice', { hasText: '不知道' }).click();
  await page.locator('#check-disease button.choice', { hasText: '不知道' }).click();
  for (const term of ['term-nongcunpinkun', 'term-jiandanglika', 'term-dibao', 'term-tekun', 'term-canji']) {
    assert.equal(await page.locator(`main a[href="/policy#${term}"]`).count(), 1, `the home check does not link ${term}`);
  }
  // A term link opens its entry.
  await page.locator('main a[href="/policy#term-dibao"]').click();
  await page.waitForFunction(() => window.location.pathname === '/policy' && window.location.hash === '#term-dibao');
  await page.locator('#term-dibao').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
