import { align } from '../clauses/clause-alignment.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { FactDiffContext } from '../fact-diff-context.js';
import { isGreeting } from './greeting.js';

/**
 * The original's clauses the candidate says, each with the candidate clause that says it (paired by
 * `diffFacts`, or aligned at `alignClause`) — or undefined where a candidate clause says no original
 * clause: a claim of its own, which may be what the candidate left out said in other words
 * ("Closed-toe shoes are required" → "Wear shoes that cover your toes - that's compulsory").
 * Greetings and words about the conversation say nothing and are passed over.
 */
export function saidClauses(ctx: FactDiffContext): ReadonlyMap<ClauseFacts, ClauseFacts> | undefined {
  const { original, candidate, options: o } = ctx;
  const said = new Map<ClauseFacts, ClauseFacts>();
  for (const [c, x] of ctx.matched) said.set(x, c);
  for (const [k, c] of candidate.clauses.entries()) {
    if (k >= o.maxClauses) break;
    if (ctx.matched.has(c)) continue;
    const a = align(c, original, o.maxClauses);
    if (a !== undefined && a.score >= o.alignClause) said.set(a.clause, c);
    else if (!c.framing && !isGreeting(c)) return undefined;
  }
  return said;
}
