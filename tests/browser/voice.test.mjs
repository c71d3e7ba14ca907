// 朗读 speaks only with a voice that runs on the phone: an online voice would send the page's
// text (a roster's names, a diagnosis) to the voice's server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, waitForApp } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Replaces the browser's speech synthesis with one that has `voices` and records what it speaks. */
function fakeSpeech(voices) {
  return (list) => {
    window.spoken = [];
    const synthesis = {
      getVoices: () => list,
      speak: (utterance) => window.spoken.push(utterance.text),
      cancel: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  };
}

test('with only an online Mandarin voice, 朗读 does not speak and says why', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(fakeSpeech(), [{ lang: 'zh-CN', localService: false, name: '在线普通话', voiceURI: 'online' }]);
  await page.goto(`${BASE_URL}/policy`);
  await waitForApp(page);
  await page.getByRole('button', { name: '朗读' }).click();
  await page.locator('.read-aloud-status', { hasText: '只有联网的中文语音' }).waitFor({ timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.spoken), [], 'nothing was handed to the online voice');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with no Chinese voice at all, 朗读 says the phone has none', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(fakeSpeech(), [{ lang: 'en-US', localService: true, name: 'English', voiceURI: 'en' }]);
  await page.goto(`${BASE_URL}/policy`);
  await waitForApp(page);
  await page.getByRole('button', { name: '朗读' }).click();
  await page.locator('.read-aloud-status', { hasText: '没有中文语音' }).waitFor({ timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.spoken), []);
  assert.deepEqual(problems, []);
  await context.close();
});
