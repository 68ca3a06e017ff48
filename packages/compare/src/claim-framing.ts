import type { ClauseFacts } from './fact-sheet.js';

// Conversational framing: thanks, offers of help, questions back. Not a claim about the world.
const framing = new Set(
  'help hope glad happy welcome thank thanks reach hesitate anything else assist know great certainly absolutely course pleasure wonderful question ask feel free further additional let information detail more'.split(
    ' ',
  ),
);

// Expressive openings (an apology, thanks, a wish): the clause is about the conversation.
const courtesy = new Set([
  'sorry',
  'thanks',
  'thank',
  'apologies',
  'welcome',
  'enjoy',
  'congratulations',
  'glad',
  'happy',
  'unfortunately',
]);

/** Whether a clause is about the conversation (thanks, offers of help, apologies), not a claim about the world. */
export function isFraming(c: ClauseFacts): boolean {
  if (courtesy.has(c.tokens[0]?.lower ?? '') && c.values.length === 0) return true;
  let framed = 0;
  for (const w of c.content) if (framing.has(w)) framed++;
  return framed * 2 >= c.content.length;
}
