import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedResponse } from '../fixtures.js';
import { qualityDir } from '../quality-files.js';
import { type FactCase, generateFactSet } from './generate.js';

/** The facts set on disk: `data/quality/facts.jsonl`, one input per line (its answers stored once). */
export const factSetFile = join(qualityDir, 'facts.jsonl');
export const factSetSeed = 2026;

/** One input: the production answers, and the labelled candidates compared against them. */
interface FactInputLine {
  readonly input: string;
  readonly domain: string;
  readonly format: FactCase['format'];
  readonly endpoint: string;
  readonly original: SavedResponse;
  readonly baselines: SavedResponse[];
  readonly candidates: { id: string; label: FactCase['label']; kind: FactCase['kind']; candidate: SavedResponse }[];
}

export function writeFactSet(file = factSetFile, seed = factSetSeed): FactCase[] {
  const cases = generateFactSet(seed);
  const lines = new Map<string, FactInputLine>();
  for (const c of cases) {
    const input = c.id.replace(/-[a-z_]+$/, '');
    let line = lines.get(input);
    if (line === undefined) {
      line = {
        input,
        domain: c.domain,
        format: c.format,
        endpoint: c.endpoint,
        original: c.original,
        baselines: c.baselines,
        candidates: [],
      };
      lines.set(input, line);
    }
    line.candidates.push({ id: c.id, label: c.label, kind: c.kind, candidate: c.candidate });
  }
  writeFileSync(file, `${[...lines.values()].map((l) => JSON.stringify(l)).join('\n')}\n`);
  return cases;
}

/** Reads the set, generating it first when absent. */
export function readFactSet(file = factSetFile): FactCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return writeFactSet(file);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      const { candidates, input: _input, ...rest } = JSON.parse(l) as FactInputLine;
      return candidates.map((c) => ({ ...rest, ...c }));
    });
}
