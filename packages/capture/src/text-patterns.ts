import { UnderstudyError } from '@understudy/core';

/** A named regex whose matches are redacted from body, query, header and SSE text. */
export interface TextPattern {
  readonly name: string;
  readonly regex: RegExp;
  /** Rejects a match that only looks like a secret (e.g. a digit run failing Luhn). */
  readonly accept?: (match: string) => boolean;
  /** A substring every match contains: text without it skips the regex. */
  readonly hint?: string;
}

/**
 * The built-in patterns: email addresses, payment card numbers (13–19 digits, optionally
 * grouped by spaces or dashes, Luhn-checked so order ids and timestamps survive), bearer
 * tokens and `sk-…`-style API keys (OpenAI, Anthropic, Stripe shapes).
 */
export const builtinPatterns: readonly TextPattern[] = Object.freeze([
  // The lookbehind anchors each match at the start of a local part: without it a long run of
  // word characters is rescanned from every position (quadratic on a 100 KB token). In JSON
  // text a secret often follows an escape (`"…:\nsk-…"`): the escape's letter is not part of
  // the secret, so a match may start right after `\n`, `\t`… but never swallow the letter (the
  // body would no longer parse).
  {
    name: 'email',
    regex:
      /(?:(?<![A-Za-z0-9._%+\\-])|(?<=\\[nrtbf])|(?<=\\)(?![nrtbfu]))[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g,
    hint: '@',
  },
  { name: 'card', regex: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, accept: luhn },
  { name: 'bearer', regex: /(?:\b|(?<=\\[nrtbf]))Bearer\s+[A-Za-z0-9._~+/=-]{8,}/gi },
  { name: 'api_key', regex: /(?:\b|(?<=\\[nrtbf]))(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}/g, hint: 'k-' },
]);

/** Compiles configured `{ name, regex }` entries; a bad regex names its config key. */
export function configuredPatterns(patterns: readonly { name: string; regex: string }[]): TextPattern[] {
  return patterns.map((p, i) => {
    try {
      return { name: p.name, regex: new RegExp(p.regex, 'g') };
    } catch (cause) {
      throw new UnderstudyError('invalid_config', `tap.redaction.patterns[${i}].regex: ${(cause as Error).message}`, {
        cause,
        details: { path: `tap.redaction.patterns[${i}].regex` },
      });
    }
  });
}

/** The Luhn checksum over the digits of `s`. */
export function luhn(s: string): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    digits++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits >= 13 && sum % 10 === 0;
}
