// The customer page with Microsoft's Web Chat in real Chromium (Debian's /usr/bin/chromium via playwright-core).
// Usage: node tests/e2e/webchat.browser.test.mjs <baseUrl> <screenshotDir>   — PASS/FAIL lines, exit 1 on failure.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = (process.argv[2] || 'http://127.0.0.1:5080').replace(/\/$/, '');
const screenshotDir = process.argv[3] || 'TestResults';
mkdirSync(screenshotDir, { recursive: true });
const TIMEOUT = 20000;

const profile = mkdtempSync(join(tmpdir(), 'chatservice-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  locale: 'zh-CN',
  viewport: { width: 1100, height: 820 }
});
const page = context.pages()[0] || await context.newPage();
const problems = [];
page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
page.on('pageerror', e => problems.push(`page error: ${e.message}`));
const started = Date.now();
page.on('websocket', ws => {
  const name = ws.url().split('/conversations/')[1].split('/')[0];
  console.log(`NOTE ${Date.now() - started} ms: socket opened for ${name}`);
  ws.on('close', () => console.log(`NOTE ${Date.now() - started} ms: socket closed for ${name}`));
});
page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
page.on('requestfailed', r => problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));

const transcript = page.locator('.webchat__basic-transcript');
const botBubbles = page.locator('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content');
const userBubbles = page.locator('.webchat__stacked-layout--from-user .webchat__bubble__content');

async function send(text) {
  const before = await botBubbles.count();
  const input = page.locator('.webchat__send-box-text-box__input');
  await input.fill(text);
  await input.press('Enter');
  await userBubbles.filter({ hasText: text }).first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(n => document.querySelectorAll('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content').length > n, before, { timeout: TIMEOUT });
  return botBubbles.last().innerText();
}

async function noSendFailed() {
  const text = await page.locator('#webchat').innerText();
  if (/send failed|发送失败|无法发送|retry/i.test(text)) throw new Error(`the transcript shows a send failure: ${text.slice(-300)}`);
}

// Web Chat shows "Connecting…" / "Network interruption" while Direct Line is not online; it must settle quickly.
async function connected() {
  const notice = 'Connecting…|Reconnecting|interruption|Unable to connect|正在连接|无法连接|网络中断';
  const showing = source => new RegExp(source).test(document.querySelector('#webchat').innerText);
  if (await page.evaluate(showing, notice))
    console.log(`NOTE ${Date.now() - started} ms: Web Chat shows a connectivity notice; waiting for it to clear: ${(await page.locator('.webchat__connectivityStatus').allInnerTexts()).join(' | ')}`);
  await page.waitForFunction(source => !new RegExp(source).test(document.querySelector('#webchat').innerText), notice, { timeout: TIMEOUT });
}

function assert(condition, message) { if (!condition) throw new Error(message); }

const cases = [
  ['the greeting appears in Chinese', async () => {
    await page.goto(baseUrl + '/');
    await botBubbles.filter({ hasText: '您好，欢迎来到' }).first().waitFor({ timeout: TIMEOUT });
    assert((await page.locator('#company-name').innerText()).includes('安心保险'), 'Chinese company name in the header');
  }],
  ['a Chinese message gets a reply', async () => {
    const reply = await send('我的保单什么时候到期？');
    assert(/[\u4e00-\u9fff]/.test(reply), `reply in Chinese: ${reply}`);
  }],
  ['an English message gets a reply', async () => {
    const reply = await send('How long does a claim take?');
    assert(/[a-z]/i.test(reply) && !/[\u4e00-\u9fff]{4}/.test(reply.replace(/“.*?”|".*?"/g, '')), `reply in English: ${reply}`);
  }],
  ['a suggested action is clickable and gets a reply', async () => {
    const before = await botBubbles.count();
    const action = page.locator('.webchat__suggested-action').first();
    await action.waitFor({ timeout: TIMEOUT });
    const label = (await action.innerText()).trim();
    await action.click();
    await userBubbles.filter({ hasText: label }).first().waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(n => document.querySelectorAll('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content').length > n, before, { timeout: TIMEOUT });
    await page.waitForTimeout(500); // let the last bubble's status settle before reading it
    await noSendFailed();
  }],
  ['a photo upload is sent through Direct Line and answered', async () => {
    const before = await botBubbles.count();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const uploaded = page.waitForResponse(r => r.url().includes('/upload?') && r.request().method() === 'POST', { timeout: TIMEOUT });
    await page.locator('.webchat__upload-button input[type="file"]').setInputFiles({ name: 'claim-photo.png', mimeType: 'image/png', buffer: png });
    // Web Chat reads the file and makes its thumbnail asynchronously; the upload icon shows a check mark once the
    // file is in the send box. Sending before that (a slow machine) would send the caption alone.
    await page.locator('.webchat__attachment-icon--checked').waitFor({ timeout: TIMEOUT });
    // Web Chat 4.18 keeps the file in the send box until the customer sends it, with an optional caption.
    await page.locator('.webchat__send-box-text-box__input').fill('现场照片');
    await page.locator('.webchat__send-button').click();
    const response = await uploaded;
    assert(response.status() === 200, `upload answered ${response.status()}`);
    await page.waitForFunction(n => document.querySelectorAll('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content').length > n, before, { timeout: TIMEOUT });
    await page.waitForTimeout(500);
    await noSendFailed();
    await page.screenshot({ path: join(screenshotDir, 'webchat-zh.png') });
  }],
  ['a 👎 on an FAQ answer is acknowledged (and reaches the editors\' inbox)', async () => {
    await send('会员有哪些权益');
    const thumbsDown = page.locator('.webchat__suggested-action', { hasText: '👎' }).last();
    await thumbsDown.waitFor({ timeout: TIMEOUT });
    await thumbsDown.click();
    await botBubbles.filter({ hasText: '抱歉这个回答没能帮到您' }).first().waitFor({ timeout: TIMEOUT });
    await noSendFailed();
  }],
  ['switching to Traditional Chinese restarts the conversation in Traditional characters', async () => {
    await page.locator('.lang button[data-locale="zh-TW"]').click();
    await botBubbles.filter({ hasText: '歡迎來到' }).first().waitFor({ timeout: TIMEOUT });
    assert((await page.locator('#company-name').innerText()).includes('安心保險'), 'Traditional company name in the header');
    assert((await page.locator('#footer').innerText()).includes('客服熱線'), 'Traditional footer');
    assert(await page.evaluate(() => document.documentElement.lang) === 'zh-TW', 'page language zh-TW');
    assert(await userBubbles.count() === 0, 'a new conversation has no old messages');
    const reply = await send('理賠需要準備哪些文件');
    assert(!/[这们说还]/.test(reply), `reply in Traditional characters: ${reply}`);
    await noSendFailed();
  }],
  ['switching to English restarts the conversation in English', async () => {
    await page.locator('.lang button[data-locale="en-US"]').click();
    await botBubbles.filter({ hasText: 'Hello, welcome to' }).first().waitFor({ timeout: TIMEOUT });
    assert((await page.locator('#company-name').innerText()).includes('AnXin'), 'English company name in the header');
    assert(await userBubbles.count() === 0, 'a new conversation has no old messages');
    const reply = await send('I want to report a claim');
    assert(reply.length > 0, 'English reply');
    await noSendFailed();
    await connected();
    await page.screenshot({ path: join(screenshotDir, 'webchat-en.png') });
  }],
  ['the page works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 780 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert(!overflow, 'no horizontal scrolling');
    await page.screenshot({ path: join(screenshotDir, 'webchat-mobile.png') });
  }],
  ['no console errors, CSP violations or failed requests', async () => {
    assert(problems.length === 0, problems.join('\n'));
  }]
];

let failed = 0;
for (const [name, run] of cases) {
  try {
    await run();
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error && error.message || error}`);
  }
}
if (failed) await page.screenshot({ path: join(screenshotDir, 'webchat-failure.png') }).catch(() => {});
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(failed ? `${failed} of ${cases.length} failed` : `all ${cases.length} passed`);
process.exit(failed ? 1 : 0);
