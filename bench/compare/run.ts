import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { canonicalize, compareResponses, diffFacts, factSheet, limitAnswerCaches, NoiseModel, textSimilarity } from '@understudy/compare';
import { seededRandom } from '@understudy/core';
import { chatPairs, topicsFor } from './chat-pairs.js';
import { anthropicSse, openAiChat, type SavedResponse } from './fixtures.js';
import { buildNoise, canon } from './quality-eval.js';
import { readQualitySet } from './quality-files.js';
import { qualitySection } from './quality-report.js';
import { answerText } from './quality-set.js';
import { calibrate, cpuPerPair, fiveRuns, now, slices, timeLoop } from './timing.js';

// `npm run bench:compare [-- --throughput]`: throughput, the 1 MB bound, SSE reassembly, and the
// quality set (engine vs exact diff), plus the sweeps behind the default margins; --throughput stops
// after the speed figures (about half a minute). Figures go to docs/benchmarks.md.
const { values: flags } = parseArgs({ options: { throughput: { type: 'boolean', default: false } } });
const throughputOnly = flags.throughput === true;

const line = (s = ''): void => console.log(s);

// ---- throughput on ~2 KB chat completions -------------------------------------------------------
// The quality set is read after the speed figures: its ~1 250 pairs, read first, left the heap
// full of them while the end-to-end row was timed (that row read ≈ 40 % below the same loop run
// anywhere else).
const pairs = chatPairs();
const avgBytes = pairs.reduce((n, p) => n + p.a.body.length + p.b.body.length, 0) / (2 * pairs.length);
const chatNoise = new NoiseModel();
for (const p of pairs.slice(0, 50)) chatNoise.addBaseline(canon(p.a), canon(p.b), 'POST /v1/chat/completions');
const warm = timeLoop(300, 2000, (i) => {
  const p = pairs[i % pairs.length];
  if (p !== undefined) compareResponses(canon(p.b), canon(p.a), { endpoint: 'POST /v1/chat/completions', noise: chatNoise });
});
void warm;
const calibrationBefore = calibrate();
const canonPairs = pairs.map((p) => ({ a: canon(p.a), b: canon(p.b) }));
// Captured exchanges hold bytes, not strings: time canonicalization from bytes.
const encoder = new TextEncoder();
const bytePairs = pairs.map((p) => ({
  a: { status: 200, headers: p.a.headers, path: p.a.path, body: encoder.encode(p.a.body) },
  b: { status: 200, headers: p.b.headers, path: p.b.path, body: encoder.encode(p.b.body) },
}));
const endToEndPair = (i: number): void => {
  const p = bytePairs[i % bytePairs.length];
  if (p !== undefined) compareResponses(canonicalize(p.b), canonicalize(p.a), { endpoint: 'POST /v1/chat/completions', noise: chatNoise });
};
const compareOnlyPair = (i: number): void => {
  const p = canonPairs[i % canonPairs.length];
  if (p !== undefined) compareResponses(p.b, p.a, { endpoint: 'POST /v1/chat/completions', noise: chatNoise });
};
// Each loop warmed for a second before it is timed (canonicalize from bytes was still cold when
// its row was timed first: the warm loop above runs compare only). Cold: no production answer kept
// read (every answer read afresh, as the first replay of an exchange). Warm: production's answers
// kept read (answer-cache.ts; its default 256 answers hold the 200 originals), each candidate read
// afresh, as a release's replays and candidate versions compared with the same recorded answers.
const defaultLimits = // The stages and the 1 MB pair (timed five times over: a kept original would be read once) cold.
  limitAnswerCaches({ answers: 0 });
timeLoop(1000, 1_000_000, endToEndPair);
const endToEnd = slices(endToEndPair);
timeLoop(1000, 1_000_000, compareOnlyPair);
const compareOnly = slices(compareOnlyPair);
limitAnswerCaches(defaultLimits);
timeLoop(1000, 1_000_000, endToEndPair);
const endToEndWarm = slices(endToEndPair);
timeLoop(1000, 1_000_000, compareOnlyPair);
const compareOnlyWarm = slices(compareOnlyPair);
limitAnswerCaches({ answers: 0 });
// Where a pair's time goes: CPU microseconds per pair of each stage run on its own over the same
// pairs (compareResponses = all of them plus the text rules and the verdict).
const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const stages: [string, number][] = [
  ['canonicalize both (from bytes)', cpuPerPair((i) => [canonicalize(at(bytePairs, i).a), canonicalize(at(bytePairs, i).b)])],
  ['textSimilarity', cpuPerPair((i) => textSimilarity(at(canonPairs, i).a.text, at(canonPairs, i).b.text))],
  ['factSheet of both answers', cpuPerPair((i) => [factSheet(at(canonPairs, i).a.text), factSheet(at(canonPairs, i).b.text)])],
  ['factSheet of both + diffFacts', cpuPerPair((i) => diffFacts(factSheet(at(canonPairs, i).a.text), factSheet(at(canonPairs, i).b.text)))],
  [
    'compareResponses (already canonical)',
    cpuPerPair((i) =>
      compareResponses(at(canonPairs, i).b, at(canonPairs, i).a, { endpoint: 'POST /v1/chat/completions', noise: chatNoise }),
    ),
  ],
];
const calibrationAfter = calibrate();

// ---- 1 MB text pair ---------------------------------------------------------------------------------
function megabyteText(r: ReturnType<typeof seededRandom>): string {
  const parts: string[] = [];
  let size = 0;
  let k = 0;
  while (size < 1024 * 1024) {
    const s = answerText(r, topicsFor(k++ % 6));
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join('\n');
}
const bigA = megabyteText(seededRandom(100));
const bigB = megabyteText(seededRandom(101));
const bigEdited = bigA
  .split(' ')
  .map((w, i) => (i % 97 === 0 ? 'changed' : w))
  .join(' ');
function timeBig(a: string, b: string): { ms: number; worst: number; cpuMs: number; method: string; similarity: number } {
  const ca = canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body: a });
  const cb = canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body: b });
  const { result: r, ms, worst, cpuMs } = fiveRuns(() => compareResponses(cb, ca));
  return { ms, worst, cpuMs, method: r.text?.method ?? 'n/a', similarity: r.text?.similarity ?? 1 };
}
timeBig(bigA.slice(0, 20000), bigB.slice(0, 20000));
const bigDifferent = timeBig(bigA, bigB);
const bigSimilar = timeBig(bigA, bigEdited);
const bigCanonT0 = now();
canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body: bigA });
const bigCanonMs = now() - bigCanonT0;

// ---- SSE reassembly -----------------------------------------------------------------------------------
const sseRandom = seededRandom(9);
const bigAnswer = megabyteText(seededRandom(102)).slice(0, 256 * 1024);
const openAiStream = openAiChat(
  sseRandom,
  {
    text: bigAnswer,
    toolCalls: [{ name: 'search_docs', args: { query: bigAnswer.slice(0, 4000), limit: 5 } }],
    finishReason: 'stop',
    model: 'm',
  },
  true,
);
const anthropicStream = anthropicSse(sseRandom, {
  text: bigAnswer,
  toolCalls: [{ name: 'search_docs', args: { query: bigAnswer.slice(0, 4000) } }],
  finishReason: 'stop',
  model: 'm',
});
function sseThroughput(r: SavedResponse): { mbPerSec: number; eventsPerSec: number; events: number; bytes: number; textOk: boolean } {
  const events = r.body.split('\n\n').filter((e) => e.trim() !== '').length;
  let ok = false;
  const t = timeLoop(1500, 200, () => {
    ok = canon(r).text.length > 200_000;
  });
  const perRun = t.ms / t.iterations;
  return {
    mbPerSec: r.body.length / 1024 / 1024 / (perRun / 1000),
    eventsPerSec: events / (perRun / 1000),
    events,
    bytes: r.body.length,
    textOk: ok,
  };
}
const sseOpenAi = sseThroughput(openAiStream);
const sseAnthropic = sseThroughput(anthropicStream);

// ---- report ---------------------------------------------------------------------------------------------
line(
  `## Compare (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)`,
);
line();
line('| measure | result | target |');
line('|---|---|---|');
const rate = (r: ReturnType<typeof slices>): string =>
  `median ${Math.round(r.median)}, best slice ${Math.round(r.best)}; ${Math.round(r.perCpuSecond)} per CPU-second`;
line(
  `| pairs/s, ~${(avgBytes / 1024).toFixed(1)} KB chat completions, canonicalize both + compare + judge, cold (no answer kept read) | ${rate(endToEnd)} | ≥ 5 000 |`,
);
line(`| pairs/s, same, warm (production's answers kept read, each candidate read afresh) | ${rate(endToEndWarm)} | |`);
line(`| pairs/s, same pairs already canonical (what a replayer that keeps canonical responses pays), cold | ${rate(compareOnly)} | |`);
line(`| pairs/s, already canonical, warm | ${rate(compareOnlyWarm)} | |`);
line(
  `| 1 MB text pair, unrelated paraphrases | median ${bigDifferent.ms.toFixed(0)} ms (CPU ${bigDifferent.cpuMs.toFixed(0)} ms), worst of 5 ${bigDifferent.worst.toFixed(0)} ms (method ${bigDifferent.method}, similarity ${bigDifferent.similarity.toFixed(3)}) | ≤ 250 ms |`,
);
line(
  `| 1 MB text pair, 1 % of words edited | median ${bigSimilar.ms.toFixed(0)} ms (CPU ${bigSimilar.cpuMs.toFixed(0)} ms), worst of 5 ${bigSimilar.worst.toFixed(0)} ms (method ${bigSimilar.method}, similarity ${bigSimilar.similarity.toFixed(3)}) | ≤ 250 ms |`,
);
line(`| canonicalize a 1 MB text body | ${bigCanonMs.toFixed(0)} ms | |`);
line(
  `| SSE reassembly, OpenAI chat (${(sseOpenAi.bytes / 1024).toFixed(0)} KB, ${sseOpenAi.events} events) | ${sseOpenAi.mbPerSec.toFixed(1)} MB/s, ${Math.round(sseOpenAi.eventsPerSec)} events/s${sseOpenAi.textOk ? '' : ' (TEXT LOST)'} | |`,
);
line(
  `| SSE reassembly, Anthropic (${(sseAnthropic.bytes / 1024).toFixed(0)} KB, ${sseAnthropic.events} events) | ${sseAnthropic.mbPerSec.toFixed(1)} MB/s, ${Math.round(sseAnthropic.eventsPerSec)} events/s${sseAnthropic.textOk ? '' : ' (TEXT LOST)'} | |`,
);
line();
line(
  `Machine state: load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )}; calibration loop (5·10⁷ integer adds) ${calibrationBefore.toFixed(0)} ms before, ${calibrationAfter.toFixed(0)} ms after (the lower, the quieter the machine).`,
);
line();
line("Where a ~2 KB pair's CPU time goes (each stage alone over the same pairs):");
line();
line('| stage | CPU µs per pair |');
line('|---|---|');
for (const [name, us] of stages) line(`| ${name} | ${us.toFixed(0)} |`);
line();
if (!throughputOnly) {
  limitAnswerCaches(defaultLimits);
  const { cases, baselines } = readQualitySet();
  qualitySection({ cases, baselines, noise: buildNoise(baselines), line });
}
