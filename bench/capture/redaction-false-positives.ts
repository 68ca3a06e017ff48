/**
 * What redaction takes out of ordinary traffic, where no credential is (or only a README's example):
 * every string of the open quality sets (agents' answers written by others, many domains and
 * languages), other people's docs and code (each node_modules README in 2 KB pieces, the first 20 KB
 * of 400 `.d.ts` / `.mjs` files), and the demo fixtures' JSONL and HAR. Prints texts changed and
 * placeholders by source and kind; with `--out=FILE`, writes each changed text's placeholders and
 * what they replaced, to diff two trees (an A/B of a rule's false positives):
 *   node --conditions=source --import tsx bench/capture/redaction-false-positives.ts --out=fp.json
 */
import { writeFileSync } from 'node:fs';
import { createRedactor } from '@understudy/capture';
import { parseConfig } from '@understudy/core';
import { argValue } from '../tap/child-ipc.js';
import { ordinaryTexts } from './ordinary-texts.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'fp-key-0123456789abcdef0123456789');
const texts = ordinaryTexts();

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
