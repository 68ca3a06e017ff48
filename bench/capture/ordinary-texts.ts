/**
 * Ordinary traffic, where no credential is (or only a README's example): every string of the open
 * quality sets (agents' answers written by others, many domains and languages), other people's docs
 * and code (each node_modules README in 2 KB pieces, the first 20 KB of 400 `.d.ts` / `.mjs` files),
 * and the demo fixtures' JSONL and HAR, as `[id, text]` (read from the working directory).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ordinaryTexts(): [string, string][] {
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
  return texts;
}
