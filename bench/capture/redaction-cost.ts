/**
 * What one exchange's redaction costs, alone: `body()` of the shipped redaction defaults over the
 * bodies a tap captures most (a chat request with the demo's tools, its reply, an SSE reply of 40
 * deltas), plus text that holds many secret words and `%XX` escapes (a pasted config, a URL-laden
 * tool result), `--rounds=` times each. Prints µs per body. Run it on two trees for an A/B:
 *   /work/bin/bench node --conditions=source --import tsx bench/capture/redaction-cost.ts
 */
import { loadavg } from 'node:os';
import { createRedactor } from '@understudy/capture';
import { loadConfig } from '@understudy/core';
import { argValue } from '../tap/child-ipc.js';
import { chatRequest, sseReply } from './redaction-cases.js';

const rounds = Number(argValue('rounds', '20000'));
const redactor = createRedactor(loadConfig().tap.redaction, 'bench-redaction-key-'.padEnd(32, 'x'));

const chatReply = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'I have refunded $35 for order #10042. It will show in 3-5 days.' } }],
  usage: { prompt_tokens: 412, completion_tokens: 21, total_tokens: 433 },
});
const pastedConfig = [
  'Why does my deploy fail? Config below.',
  'service:',
  '  name: shop-api',
  '  token_limit: 4000',
  '  session_ttl: 30m',
  '  db_password: NoShapeDbPw',
  '<settings><keyboard>us</keyboard><apiKey>NoShapeXml</apiKey></settings>',
  'callback=https://shop.example/cb?next=%2Forders%3Fpage%3D2%26sort%3Ddesc&lang=en',
].join('\n');
const urlResult = JSON.stringify({
  results: Array.from({ length: 20 }, (_, i) => ({
    title: `Result ${i}`,
    url: `https://docs.example/search?q=caf%C3%A9%20${i}&page=${i}`,
  })),
});

const cases: readonly [string, string, string][] = [
  ['chat request with tools', chatRequest, 'application/json'],
  ['chat reply', chatReply, 'application/json'],
  ['SSE reply (40 deltas)', sseReply, 'text/event-stream'],
  ['pasted config (secret words, %XX)', pastedConfig, 'text/plain'],
  ['tool result with 20 encoded URLs', urlResult, 'application/json'],
];

console.log(`redaction cost: node ${process.version}, load ${loadavg()[0]?.toFixed(2)}, ${rounds} rounds`);
for (const [name, text, type] of cases) {
  for (let i = 0; i < 500; i++) redactor.forExchange().body(text, type);
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) redactor.forExchange().body(text, type);
  const us = ((performance.now() - t0) * 1000) / rounds;
  console.log(`${name.padEnd(40)} ${String(text.length).padStart(6)} B  ${us.toFixed(2).padStart(8)} µs`);
}
console.log(`load after ${loadavg()[0]?.toFixed(2)}`);
