// Microsoft's unmodified botframework-directlinejs (Node) against a running ChatService.
// Usage: node tests/e2e/directline.test.mjs <baseUrl>   — prints PASS/FAIL per case, exits 1 on any failure.
import { createRequire } from 'node:module';
import WS from 'ws';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2'); // DirectLineJS uses rxjs ajax (XMLHttpRequest)
globalThis.WebSocket = WS; // and checks for a global WebSocket before choosing the socket transport
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const baseUrl = (process.argv[2] || 'http://127.0.0.1:5080').replace(/\/$/, '');
const domain = `${baseUrl}/v3/directline`;
const TIMEOUT = 15000;

function userOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).user;
}

async function pageToken(locale = 'en-US') {
  const response = await fetch(`${baseUrl}/api/webchat/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ locale })
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}

/** Collects everything a DirectLine instance receives; waitFor resolves when a predicate holds. */
function collect(directLine) {
  const activities = [];
  const waiters = [];
  const statuses = [];
  const check = () => waiters.slice().forEach(w => { if (w.predicate(activities)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(activities); } });
  const subscription = directLine.activity$.subscribe(a => { activities.push(a); check(); }, e => console.error('activity$ error', e));
  const statusSub = directLine.connectionStatus$.subscribe(s => statuses.push(s));
  return {
    activities, statuses,
    waitFor(predicate, what) {
      if (predicate(activities)) return Promise.resolve(activities);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(activities.map(a => [a.id, a.from && a.from.role, a.text && a.text.slice(0, 30)]))}`)), TIMEOUT);
        waiters.push({ predicate, resolve: v => { clearTimeout(timer); resolve(v); } });
      });
    },
    stop() { subscription.unsubscribe(); statusSub.unsubscribe(); }
  };
}

function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(id => id === 'retry' ? reject(new Error('post returned retry')) : resolve(id), reject));
}

function assert(condition, message) { if (!condition) throw new Error(message); }

function sequenceOf(id) { return Number(id.split('|')[1]); }

async function sendAndReceive(options, label) {
  const { token } = await pageToken('en-US');
  const user = userOf(token);
  const directLine = new DirectLine({ token, domain, ...options });
  const seen = collect(directLine);
  await seen.waitFor(a => a.some(x => x.from.role === 'bot' && /^Hello/.test(x.text)), 'the greeting');
  const clientActivityID = `node-${label}-${Date.now()}`;
  const id = await post(directLine, { type: 'message', from: { id: user, role: 'user' }, text: `what is covered? (${label})`, channelData: { clientActivityID } });
  await seen.waitFor(a => a.some(x => x.replyToId === id && x.from.role === 'bot'), 'the reply');
  const echo = seen.activities.find(x => x.id === id);
  assert(echo && echo.channelData.clientActivityID === clientActivityID, 'echo with clientActivityID');
  assert(echo.from.id === user && echo.from.role === 'user', 'echo from the token user');
  assert(seen.statuses.includes(ConnectionStatus.Online), 'connection went Online');
  const ids = seen.activities.map(a => a.id);
  assert(new Set(ids).size === ids.length, `no duplicates: ${ids}`);
  seen.stop();
  directLine.end();
  return { token, conversationId: echo.conversation.id };
}

async function reconnectWithWatermark() {
  const { token } = await pageToken('en-US');
  const user = userOf(token);
  const first = new DirectLine({ token, domain, webSocket: true });
  const seen = collect(first);
  await seen.waitFor(a => a.some(x => x.from.role === 'bot'), 'the greeting');
  const id = await post(first, { type: 'message', from: { id: user }, text: 'first' });
  await seen.waitFor(a => a.some(x => x.replyToId === id), 'the first reply');
  const conversationId = first.conversationId;
  const watermark = first.watermark;
  const refreshedToken = first.token;
  seen.stop();
  first.end();

  // While this client is away, the conversation goes on (another tab of the same customer, say).
  for (const text of ['second', 'third']) {
    const response = await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST', headers: { Authorization: `Bearer ${refreshedToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: user }, text })
    });
    assert(response.ok, `REST post answered ${response.status}`);
  }

  const second = new DirectLine({ token: refreshedToken, conversationId, watermark, domain, webSocket: true });
  const resumed = collect(second);
  const idFourth = await post(second, { type: 'message', from: { id: user }, text: 'fourth' });
  // Everything after the watermark: 2 missed turns + the new one = 6 activities. DirectLineJS may interleave the
  // activities of frames that arrive together (it emits them on a scheduler), so compare them by position.
  await resumed.waitFor(a => a.length >= 6 && a.some(x => x.replyToId === idFourth), 'the missed activities and the reply after reconnecting');
  await new Promise(r => setTimeout(r, 300)); // a duplicate, if any, would arrive now
  const sequences = resumed.activities.map(a => sequenceOf(a.id));
  const sorted = [...sequences].sort((a, b) => a - b);
  const expected = Array.from({ length: 6 }, (_, i) => Number(watermark) + 1 + i);
  assert(JSON.stringify(sorted) === JSON.stringify(expected), `no duplicates or gaps after watermark ${watermark}: ${sequences}`);
  const userTexts = resumed.activities.filter(a => a.from.role === 'user').sort((a, b) => sequenceOf(a.id) - sequenceOf(b.id)).map(a => a.text);
  assert(userTexts.join() === 'second,third,fourth', `user messages in order: ${userTexts}`);
  resumed.stop();
  second.end();
}

async function refreshToken() {
  const { token, conversationId } = await sendAndReceive({ webSocket: true }, 'refresh');
  const response = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  assert(response.ok, `refresh answered ${response.status}`);
  const refreshed = await response.json();
  assert(refreshed.conversationId === conversationId && refreshed.token && refreshed.token !== token && refreshed.expires_in > 900, 'refreshed token for the same conversation');
  const directLine = new DirectLine({ token: refreshed.token, conversationId, domain, webSocket: true });
  const seen = collect(directLine);
  const id = await post(directLine, { type: 'message', from: { id: userOf(refreshed.token) }, text: 'after refresh' });
  await seen.waitFor(a => a.some(x => x.replyToId === id), 'a reply with the refreshed token');
  seen.stop();
  directLine.end();
}

const cases = [
  ['websocket: start, send, receive', () => sendAndReceive({ webSocket: true }, 'ws')],
  ['polling: start, send, receive', () => sendAndReceive({ webSocket: false, pollingInterval: 200 }, 'poll')],
  ['reconnect with watermark: no duplicates, no gaps', reconnectWithWatermark],
  ['token refresh keeps the conversation', refreshToken],
];

let failed = 0;
for (const [name, run] of cases) {
  try {
    await run();
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error && error.stack || error}`);
  }
}
console.log(failed ? `${failed} of ${cases.length} failed` : `all ${cases.length} passed`);
process.exit(failed ? 1 : 0);
