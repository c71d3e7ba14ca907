// Shared set-up for the browser tests: a headless Chromium page that records every console
// error, page error and failed or off-site request, so each test can assert there were none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

/** An amount as the site writes it: "2846.05" → "¥2,846.05". */
export function yuan(plain) {
  const [whole, fen = '00'] = String(plain).split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen.padEnd(2, '0')}`;
}

/** The worked example every test uses (a 低保 patient with gastric cancer at 君山区人民医院), as
 * tests/cases/01-worked-example-dibao-gastric-junshan-people.toml works it out by hand: its
 * input and its figures, as the site writes them (`WORKED.pays` is "¥2,846.05"). */
export const WORKED = (() => {
  const text = readFileSync('tests/cases/01-worked-example-dibao-gastric-junshan-people.toml', 'utf8');
  const section = (name) => {
    const start = text.indexOf(`\n[${name}]\n`);
    assert.ok(start >= 0, `the worked example has no [${name}]`);
    const body = text.slice(start + name.length + 4).split(/\n\[/)[0];
    return Object.fromEntries([...body.matchAll(/^(\w+) = "?([^"\n]*)"?$/gm)].map(([, k, v]) => [k, v]));
  };
  const input = section('input');
  const output = section('output');
  return {
    input,
    plain: output,
    pays: yuan(output.patient_pays),
    ordinaryPays: yuan(output.ordinary_patient_pays),
    savings: yuan((Math.round(Number(output.ordinary_patient_pays) * 100) - Math.round(Number(output.patient_pays) * 100)) / 100),
    lines: Object.fromEntries(['basic_insurance', 'critical_illness_insurance', 'tehui_insurance', 'medical_assistance', 'hospital_reduction', 'district_fund'].map((k) => [k, yuan(output[k])])),
  };
})();

/** The worked example in the quick calculator. */
export const WORKED_EXAMPLE = `/calculator#m=q&dt=${WORKED.input.date}&c=${WORKED.input.category}&d=${WORKED.input.disease}&a=${WORKED.input.age}&h=${WORKED.input.hospital}&t=${WORKED.input.total_cost}&p=${WORKED.input.in_policy_cost}`;

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/** Opens a page and starts recording what went wrong on it. */
// `bypassCSP` is for tests that inject their own checking script (axe-core); the site's
// policy rightly refuses inline scripts.
export async function openPage(browser, { width = 360, height = 780, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, bypassCSP });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(BASE_URL).origin;
  page.on('console', (msg) => {
    // HTTP errors are reported once, with their URL, by the response listener below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A load cancelled because the test navigated on (ERR_ABORTED) is not a failure of the site.
    const error = req.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`failed request: ${req.url()} ${error}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) problems.push(`off-site request: ${req.url()}`);
  });
  page.on('response', (res) => {
    // A 404 is expected only for the not-found page itself.
    if (res.status() >= 400 && !res.url().includes('/no-such-page')) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems };
}

/** Waits until the wasm has taken over the pre-rendered page (only the wasm sets the mark). */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 20000 });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `tests/output/${name}.png`, fullPage: true });
}

/** The pages as the site itself lists them: the page table (app/src/routes/pages.rs) as the build
 * writes it beside the site, dist/pages.json. Path, title, description, navigation name. */
export function pageTable() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync('dist/pages.json', 'utf8'));
  } catch (e) {
    throw new Error(`dist/pages.json, the page table the build writes, could not be read (run \`cargo xtask build\` first): ${e.message}`);
  }
  const pages = manifest.pages.map(({ path, title, description, nav }) => ({ path, title, description, nav }));
  assert.ok(pages.length >= 3, 'the page table lists too few pages');
  return pages;
}
