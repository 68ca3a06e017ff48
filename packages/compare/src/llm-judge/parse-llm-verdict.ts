import { jsonObjectEnd } from '@understudy/core';
import { z } from 'zod';

/** The structured verdict asked of the model. */
export interface LlmVerdict {
  readonly verdict: 'same' | 'regression';
  readonly reason: string;
  readonly confidence: number;
}

/**
 * What counts as a verdict, leniently: the verdict word in any case and spacing; a confidence as a
 * number or a numeric string, a percentage (1 < c ≤ 100) read as a share, clamped to 0..1, and 0.5
 * when missing or unreadable; a reason cut to 300 characters, empty when missing.
 */
const verdictSchema = z.object({
  verdict: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(['same', 'regression'])),
  reason: z
    .string()
    .catch('')
    .transform((r) => r.slice(0, 300)),
  confidence: z
    .preprocess((c) => (typeof c === 'string' && c.trim() !== '' ? Number(c) : c), z.number())
    .transform((c) => Math.min(1, Math.max(0, c > 1 && c <= 100 ? c / 100 : c)))
    .catch(0.5),
});

/** Objects tried, from the last `{` of the answer back: a verdict is short and comes last. */
const maxCandidates = 16;

/**
 * Reads the model's JSON verdict out of its answer, undefined when there is none. Servers asked
 * without `response_format` wrap it in prose or a code fence, and reasoning models draft one in a
 * think block before the answer, so this tries the JSON objects of the text from the last one
 * back (a few, each found by a balanced, string-aware scan) and keeps the first that the schema
 * accepts.
 */
export function parseLlmVerdict(text: string): LlmVerdict | undefined {
  let from = text.length;
  for (let tried = 0; tried < maxCandidates; tried++) {
    const start = text.lastIndexOf('{', from - 1);
    if (start === -1) return undefined;
    from = start;
    const end = jsonObjectEnd(text, start);
    if (end === -1) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    const parsed = verdictSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}
