// The engine in the browser: how long the calculator's quick form takes from an input event to
// the result showing the new estimate. `cargo xtask bench` runs it against the built site
// (BASE_URL); `node tests/bench/engine.mjs` runs it against a site you serve yourself.
//
// Each measured change sets 住院总费用 to a new amount and dispatches an input event, then
// waits until the page has done all the work that event started (the form's handler, the
// estimate, redrawing the result, and the layout of the new result) and checks that the amount
// the family pays changed. It does this on this machine's CPU, then with the CPU slowed down 4x
// as Lighthouse does to stand for a mid-range phone.
//
// The lines that start with "budget:" are read by `cargo xtask bench` into its summary.
import { BASE_URL, launch, openPage, waitForApp } from '../browser/helpers.mjs';

const BUDGET_MS = 16;
const CHANGES = 300;
const WARM_UP = 20;
// The engine's worked example: 低保, gastric cancer, 56, 君山区人民医院, 50,000 of which 45,000
// in policy, discharged 2018-03-01; the family pays ¥2,846.05.
const EXAMPLE = '/calculator#m=q&r=junshan&dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&t=50000&p=45000';

/** Runs `count` changes in the page and returns each one's time in milliseconds. */
async function measure(page, count, first) {
  return page.evaluate(async ({ count, first }) => {
    const input = document.getElementById('f-total_cost');
    if (!input) throw new Error('no #f-total_cost field on the page');
    const amount = () => document.getElementById('family-pays')?.textContent ?? '';
    // A task after everything the event queued as microtasks (where Leptos runs its effects).
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const times = [];
    // Where the time goes: the event's own handlers, then the work they queued, then layout.
    const phases = { handler: [], queued: [], layout: [] };
    let unchanged = 0;
    for (let i = 0; i < count; i += 1) {
      const before = amount();
      // Out-of-policy costs are paid by the family, so every new total changes the amount.
      input.value = String(50000 + ((first + i) % 997 + 1) * 10);
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = performance.now();
      await nextTask();
      // Should an update be left for a later frame, wait for it (at most a second).
      for (let tries = 0; amount() === before && tries < 60; tries += 1) await nextFrame();
      if (amount() === before) unchanged += 1;
      const updated = performance.now();
      // The layout of the new result: what the browser must do before it can paint it.
      document.getElementById('family-pays')?.getBoundingClientRect();
      const end = performance.now();
      times.push(end - start);
      phases.handler.push(handled - start);
      phases.queued.push(updated - handled);
      phases.layout.push(end - updated);
      // Let the browser paint, as it would between two keystrokes.
      await nextFrame();
    }
    return { times, phases, unchanged };
  }, { count, first });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const ms = (x) => `${x.toFixed(2)} ms`;

function verdict(measured) {
  if (!Number.isFinite(measured)) return 'not measured';
  return measured <= BUDGET_MS
    ? `met (${ms(BUDGET_MS - measured)} under)`
    : `missed by ${ms(measured - BUDGET_MS)}`;
}

async function run(browser, label, slowdown) {
  const { context, page, problems } = await openPage(browser);
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.goto(`${BASE_URL}${EXAMPLE}`);
  await waitForApp(page);
  await page.locator('#family-pays').waitFor();
  const example = (await page.locator('#family-pays').innerText()).trim();
  if (example !== '¥2,846.05') problems.push(`the worked example shows ${example}, not ¥2,846.05`);
  await measure(page, WARM_UP, 0);
  const { times, phases, unchanged } = await measure(page, CHANGES, WARM_UP);
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  console.log(`  ${label}:`);
  console.log(`    ${times.length} changes (after ${WARM_UP} to warm up); the amount failed to change ${unchanged} times`);
  console.log(`    median ${ms(median)}   p95 ${ms(p95)}   min ${ms(sorted[0])}   max ${ms(sorted[sorted.length - 1])}`);
  console.log(`    over ${BUDGET_MS} ms: ${times.filter((t) => t > BUDGET_MS).length} of ${times.length}`);
  const medianOf = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
  console.log(`    medians by phase: input handlers ${ms(medianOf(phases.handler))}, the work they queued `
    + `(estimate, redrawing) ${ms(medianOf(phases.queued))}, layout ${ms(medianOf(phases.layout))}`);
  for (const problem of problems) console.log(`    problem: ${problem}`);
  return { median, p95, ok: unchanged === 0 && problems.length === 0 };
}

console.log(`Engine in the browser: input event on 住院总费用 (quick form) → new estimate shown and laid out`);
console.log(`  page: ${BASE_URL}${EXAMPLE}`);
const browser = await launch();
let failed = false;
try {
  for (const [label, slowdown, name] of [
    ['this machine\'s CPU', 1, 'this CPU'],
    ['CPU slowed down 4x (Lighthouse\'s mobile setting)', 4, 'CPU 4x slower'],
  ]) {
    const { median, p95, ok } = await run(browser, label, slowdown);
    failed ||= !ok;
    console.log(`budget: browser, input to result, median, ${name} | ${ms(median)} | <= ${BUDGET_MS} ms | ${verdict(median)}`);
    console.log(`budget: browser, input to result, p95, ${name} | ${ms(p95)} | <= ${BUDGET_MS} ms | ${verdict(p95)}`);
  }
} finally {
  await browser.close();
}
if (failed) {
  console.log('  (some changes did not update the result as expected: see the problems above)');
  process.exitCode = 1;
}
