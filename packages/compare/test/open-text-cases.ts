import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One text pair of a labelled set: the original, its baselines and one candidate. */
export interface TextCase {
  readonly original: string;
  readonly baselines: readonly string[];
  readonly candidate: string;
}

const dir = join(import.meta.dirname, '..', '..', '..', 'data', 'quality');

/** The labelled sets open to read (restatements, probes, hold-outs 11-13); the totals-only and blind sets are not. */
export const openSets = (f: string): boolean => /^facts-(restatements(-\d+)?|probe-[a-z]+|holdout-1[123])\.jsonl$/.test(f);

/** Every candidate of the sets of data/quality that `sets` keeps, in file order, as text pairs. */
export function openTextCases(sets: (file: string) => boolean = openSets): TextCase[] {
  return readdirSync(dir)
    .filter(sets)
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .flatMap((l) => {
          const d = JSON.parse(l) as { original: string; baselines: string[]; candidates: { text: string }[] };
          return d.candidates.map((c) => ({ original: d.original, baselines: d.baselines, candidate: c.text }));
        }),
    );
}
