/**
 * What redaction takes out of ordinary traffic, where no credential is (or only a README's example):
 * every string of the open quality sets (agents' answers written by others, many domains and
 * languages), other people's docs and code (each node_modules README in 2 KB pieces, the first 20 KB
 * of 400 `.d.ts` / `.mjs` files), and the demo fixtures' JSONL and HAR. Prints texts changed and
 * placeholders by source and kind; with `--out=FILE`, writes each changed text's placeholders and
 * what they replaced, to diff two trees (an A/B of a rule's false positives):
 *   node --conditions=source --import tsx bench/capture/redaction-false-positives.ts --out=fp.json
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '@understudy/capture';
import { parseConfig } from '@understudy/core';
import { argValue } from '../tap/child-ipc.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'fp-key-0123456789abcdef0123456789');
const texts: [string, string][] = [];
const openSets = [
  'facts.jsonl',
  'facts-holdout.jsonl',
  'facts-holdout-3.jsonl',
  'facts-holdout-6.jsonl',
  'facts-holdout-9.jsonl',
  'facts-holdout-21.jsonl',
];
const quality = [...openSets, ...readdirSync('data/quality').filter((f) => /^facts-(probe|restatements)/.test(f))];
const leaves = (v: unknown, out: string[]): void => {
  if (typeof v === 'string') {
    if (v.length > 20) out.push(v);
  } else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) leaves(x, out);
};
for (const f of quality)
  readFileSync(join('data/quality', f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .forEach((line, i) => {
      const out: string[] = [];
      leaves(JSON.parse(line), out);
      for (const [j, t] of out.entries()) texts.push([`${f}:${i}:${j}`, t]);
    });
const files: string[] = [];
const walk = (dir: string, depth: number): void => {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    const s = statSync(p, { throwIfNoEntry: false });
    if (s?.isDirectory() === true) {
      if (depth > 0 && e !== '.bin') walk(p, depth - 1);
    } else if (s !== undefined) files.push(p);
  }
};
walk('node_modules', 4);
const pieces = (s: string): string[] => s.match(/[\s\S]{1,2000}/g) ?? [];
const addPieces = (f: string, s: string): void => {
  for (const [i, t] of pieces(s).entries()) texts.push([`${f}#${i}`, t]);
};
for (const f of files.filter((f) => /README\.md$/i.test(f))) addPieces(f, readFileSync(f, 'utf8'));
for (const f of files.filter((f) => /\.(d\.ts|mjs)$/.test(f)).slice(0, 400)) addPieces(f, readFileSync(f, 'utf8').slice(0, 20000));
for (const f of ['data/fixtures/demo-agent.jsonl', 'data/fixtures/demo-agent.har']) addPieces(f, readFileSync(f, 'utf8'));

const placeholder = /\[redacted:([a-z_]+):[0-9a-f]+\]/g;
const changed: Record<string, string[]> = {};
const source = (id: string) =>
  id.startsWith('facts') ? 'quality' : /readme/i.test(id) ? 'readme' : id.startsWith('data/') ? 'fixtures' : 'code';
const tally: Record<string, { texts: number; changed: number; placeholders: number; notEmailIban: number }> = {};
for (const [id, t] of texts) {
  const row = tally[source(id)] ?? { texts: 0, changed: 0, placeholders: 0, notEmailIban: 0 };
  tally[source(id)] = row;
  row.texts++;
  const out = redactor.forExchange().body(t, 'text/plain');
  if (out === t) continue;
  row.changed++;
  const kinds = [...out.matchAll(placeholder)].map((m) => m[1] ?? '');
  // What each placeholder replaced: the text between the unchanged parts around it.
  const kept = out.split(placeholder).filter((_, i) => i % 2 === 0);
  const taken = new RegExp(`^${kept.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)')}$`).exec(t);
  changed[id] = kinds.map((k, i) => `${k}=${JSON.stringify((taken?.[i + 1] ?? '?').slice(0, 80))}`);
  row.placeholders += kinds.length;
  row.notEmailIban += kinds.filter((k) => k !== 'email' && k !== 'to_iban').length;
}
console.log(`${texts.length} texts; per source: texts, changed, placeholders, placeholders other than email/IBAN`);
for (const [name, r] of Object.entries(tally)) console.log(`${name.padEnd(9)} ${r.texts} ${r.changed} ${r.placeholders} ${r.notEmailIban}`);
const out = argValue('out', '');
if (out !== '') writeFileSync(out, JSON.stringify(changed, null, 1));
