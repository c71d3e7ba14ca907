// What older phones' browsers can run: the shipped wasm uses only the first WebAssembly version
// (no reference types, multi-value, bulk memory, sign extension, saturating conversions or
// mutable-global imports), the start-up script parses as ES5 (so that even a browser too old for
// the site can say so) and the wasm's glue and the service worker as ES2017. The README names
// the browsers this means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { BASE_URL } from './helpers.mjs';

// wabt's wasm-validate with every feature after the first version turned off.
const MVP_ONLY = [
  '--disable-reference-types', '--disable-multi-value', '--disable-bulk-memory',
  '--disable-sign-extension', '--disable-saturating-float-to-int', '--disable-mutable-globals',
];

const folder = mkdtempSync(join(tmpdir(), 'compat-'));

/** Runs wasm-validate on `bytes`; returns null when valid, else what it said. */
function validate(bytes, flags) {
  const file = join(folder, `m${Math.random().toString(16).slice(2)}.wasm`);
  writeFileSync(file, bytes);
  try {
    execFileSync('wasm-validate', [...flags, file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String(error.stderr || error.message);
  }
}

/** The start-up script, the glue and the wasm that the served pages load. */
async function shippedFiles() {
  const html = await (await fetch(`${BASE_URL}/calculator`)).text();
  const boot = html.match(/<script defer src="(\/pkg\/boot-[0-9a-f]+\.js)"><\/script>/)?.[1];
  assert.ok(boot, 'the page loads its start-up script');
  const bootText = await (await fetch(`${BASE_URL}${boot}`)).text();
  const glue = bootText.match(/'(\/pkg\/app-[0-9a-f]+\.js)'/)?.[1];
  const wasm = bootText.match(/'(\/pkg\/app-[0-9a-f]+\.wasm)'/)?.[1];
  assert.ok(glue && wasm, 'the start-up script names the glue and the wasm');
  return {
    bootText,
    glueText: await (await fetch(`${BASE_URL}${glue}`)).text(),
    wasmBytes: Buffer.from(await (await fetch(`${BASE_URL}${wasm}`)).arrayBuffer()),
    workerText: await (await fetch(`${BASE_URL}/sw.js`)).text(),
  };
}

test('the validator refuses what older engines cannot run', () => {
  // A function returning an externref (reference types) and one returning two values (multi-value).
  const header = '0061736d01000000';
  const referenceTypes = Buffer.from(`${header}010501600001${'6f'}03020100${'0a06010400d06f0b'}`, 'hex');
  const multiValue = Buffer.from(`${header}010601600002${'7f7f'}03020100${'0a08010600410041000b'}`, 'hex');
  for (const [name, bytes] of [['reference types', referenceTypes], ['multi-value', multiValue]]) {
    assert.equal(validate(bytes, []), null, `${name}: the hand-made module is valid with every feature`);
    assert.notEqual(validate(bytes, MVP_ONLY), null, `${name}: refused with the later features turned off`);
  }
});

test('the shipped wasm is plain MVP WebAssembly', async () => {
  const { wasmBytes } = await shippedFiles();
  assert.ok(wasmBytes.length > 10000, 'the wasm was fetched');
  assert.equal(validate(wasmBytes, MVP_ONLY), null);
});

test('the start-up script parses as ES5, the glue and the service worker as ES2017', async () => {
  const { bootText, glueText, workerText } = await shippedFiles();
  assert.doesNotThrow(() => parse(bootText, { ecmaVersion: 5, sourceType: 'script' }), 'the start-up script is ES5');
  assert.doesNotThrow(() => parse(glueText, { ecmaVersion: 2017, sourceType: 'script' }), 'the glue is ES2017');
  assert.doesNotThrow(() => parse(workerText, { ecmaVersion: 2017, sourceType: 'script' }), 'the service worker is ES2017');
  // The check can fail: a later syntax is refused at these levels.
  assert.throws(() => parse('const a = () => 1;', { ecmaVersion: 5 }));
  assert.throws(() => parse('a?.b ?? c', { ecmaVersion: 2017 }));
});
