// Direct Line load benchmark: N conversations in parallel, each sending M messages one after another over REST and
// receiving over its WebSocket. Prints POST latency (until {id}) and reply latency (until the bot's reply is pushed).
// Usage: node tests/e2e/directline.bench.mjs <baseUrl> [conversations=20] [messagesEach=20]
//        (DIRECTLINE_SECRET overrides the demo secret from appsettings.json)
import WebSocket from 'ws';

const baseUrl = (process.argv[2] || 'http://127.0.0.1:5080').replace(/\/$/, '');
const conversations = Number(process.argv[3] || 20);
const messagesEach = Number(process.argv[4] || 20);
const secret = process.env.DIRECTLINE_SECRET || 'demo-directline-secret-change-me';
const domain = `${baseUrl}/v3/directline`;

const postLatencies = [];
const replyLatencies = [];

async function conversation(index) {
  const started = await fetch(`${domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: '{"locale":"zh-CN"}' });
  if (started.status !== 201) throw new Error(`start answered ${started.status}`);
  const { conversationId, token, streamUrl } = await started.json();
  const socket = new WebSocket(streamUrl);
  const waiting = new Map();
  const replied = new Set(); // replies can be pushed before the POST that caused them has returned its id
  socket.on('message', data => {
    if (!data.length) return;
    for (const activity of JSON.parse(data).activities) {
      if (activity.type !== 'message' || !activity.replyToId) continue;
      replied.add(activity.replyToId);
      const done = waiting.get(activity.replyToId);
      if (done) { waiting.delete(activity.replyToId); done(); }
    }
  });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  for (let i = 0; i < messagesEach; i++) {
    const t0 = performance.now();
    const response = await fetch(`${domain}/conversations/${conversationId}/activities`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'bench' }, text: `理赔需要多久？ #${index}.${i}`, channelData: { clientActivityID: `${index}.${i}` } })
    });
    const { id } = await response.json();
    postLatencies.push(performance.now() - t0);
    if (!replied.has(id)) await new Promise(resolve => waiting.set(id, resolve));
    replyLatencies.push(performance.now() - t0);
  }
  socket.close();
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))].toFixed(1);
}

const t0 = performance.now();
await Promise.all(Array.from({ length: conversations }, (_, i) => conversation(i)));
const seconds = (performance.now() - t0) / 1000;
const total = conversations * messagesEach;
console.log(`${conversations} conversations x ${messagesEach} messages = ${total} turns in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} turns/s)`);
console.log(`POST until {id}:        p50 ${percentile(postLatencies, 50)} ms, p95 ${percentile(postLatencies, 95)} ms, p99 ${percentile(postLatencies, 99)} ms`);
console.log(`POST until reply on WS: p50 ${percentile(replyLatencies, 50)} ms, p95 ${percentile(replyLatencies, 95)} ms, p99 ${percentile(replyLatencies, 99)} ms`);
