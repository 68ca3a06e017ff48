import { UnderstudyError } from '@understudy/core';
import { cardWithin } from './card-number.js';
import { codeStatements } from './code-statement.js';
import { commandLinePasswords } from './command-line-password.js';
import { connectStringPasswords } from './connect-string-password.js';
import { connectUsingPasswords } from './connect-using-password.js';
import { credentialPairCalls } from './credential-pair-call.js';
import { encodedJsonMembers } from './encoded-json-members.js';
import { foreignPasswordValues } from './foreign-password.js';
import { ibansIn } from './iban.js';
import { keyShapes } from './key-shapes.js';
import { labelledUserPasswords } from './labelled-user-password.js';
import { netCommandPasswords } from './net-command-password.js';
import { positionalPasswords } from './password-arguments.js';
import { passwordInputValues } from './password-input.js';
import { programOptionPasswords } from './password-options.js';
import { passwordShapedLabelValues } from './password-shaped-label.js';
import { pgpassPasswords } from './pgpass-line.js';
import { privateKeyBlocks } from './private-key-block.js';
import { promptAnswers, promptHints } from './prompt-answer.js';
import { rdpPasswords } from './rdp-password.js';
import { assignedSecrets } from './secret-assignments.js';
import { secretStart as start } from './secret-start.js';
import { identifiedByPasswords } from './sql-identified-by.js';
import { statedPasswordValues } from './stated-password.js';
import { triedValues } from './tried-value.js';
import { unlabelledKeyRun, unlabelledTokens } from './unlabelled-token.js';
import { domainUserSeparator } from './url-password.js';
import { urlTokens } from './url-tokens.js';
import { userPairedMembers } from './user-paired-password.js';
import { wifiKeys } from './wifi-keys.js';

/** A pattern whose matches are redacted from body, query, header, path and SSE text. */
export type TextPattern = RegexPattern | ScanPattern;

/** Secrets found by a scan of its own (`[start, end)` ranges, left to right, not overlapping) instead of a regex. */
export interface ScanPattern {
  readonly name: string;
  readonly find: (text: string) => readonly (readonly [number, number])[];
  /**
   * The scan reads the text's runs of key characters this long (`keyRuns`): the finder has them
   * found, with the regex patterns' runs, in one scan of the text at the shortest length asked.
   */
  readonly keyRun?: number;
  /** Substrings every found secret's context holds one of: a text with none is not scanned (one pass over every pattern's hints). */
  readonly hints?: readonly string[];
}

/** A named regex whose matches are redacted. */
export interface RegexPattern {
  readonly name: string;
  readonly regex: RegExp;
  /**
   * Given a match (and the text it stands in, at `at`), the part of it that is a secret
   * (`[start, end)` within the match), or undefined when the match only looks like one (a digit
   * run failing Luhn, or the fraction of a float).
   */
  readonly accept?: (match: string, input: string, at: number) => readonly [number, number] | undefined;
  /** Substrings every match contains one of: text without any skips the regex. */
  readonly hints?: readonly string[];
  /**
   * A cheap global regex that matches wherever a match of `regex` can start. The start
   * conditions (look-behinds) cost several microseconds per kilobyte when tried at every
   * position of every body, so a pattern with a lead is tried, anchored, only where its lead matches.
   */
  readonly lead?: RegExp;
  /**
   * With a lead: every match is a run of at least this many key characters (letters, digits,
   * `-` `_` `.` `+` `/` `=`; see `keyRuns`), so the lead is looked for only in the text's runs
   * that long — most text (prose, JSON's names and punctuation) has a few or none. A lead for
   * such a pattern must have no look-around: it is run on a run's text alone.
   */
  readonly keyRun?: number;
}

const emailStart = String.raw`(?:(?<=\\[nrtbf])|(?<=\\u[0-9a-fA-F]{4})|(?<=\\)(?![nrtbfu])|(?<![A-Za-z0-9._%+\-\\]))`;

/**
 * An address that is not a URL's `user:password@host` (`mongodb+srv://admin:PW@cluster0.x.net`,
 * `amqps://guest:PW@mq.internal`): there `url-password.ts` takes the password and the host is
 * data (trust audit 6 found hosts lost as emails). Back from the match over the URL's authority
 * to its `://`, with a `:` on the way (a URL's `user@host` alone is left to the email rule).
 */
function notUrlUserinfo(match: string, input: string, at: number): readonly [number, number] | undefined {
  let colon = false;
  for (let i = at - 1; i >= 2 && at - i <= 400; i--) {
    const c = input.charAt(i);
    if (c === '/') return colon && input.charAt(i - 1) === '/' && input.charAt(i - 2) === ':' ? undefined : [0, match.length];
    if (c === ':') colon = true;
    else if (c === '\\' && domainUserSeparator(input, i)) continue;
    else if (' \t\r\n"\'<>@\\'.includes(c)) break;
  }
  return [0, match.length];
}

/**
 * The built-in patterns: email addresses, payment card numbers (an issuer's prefix and length,
 * optionally grouped by spaces or dashes as cards are printed, Luhn-checked, not part of a float
 * or a word, so order ids, timestamps and digests survive; found even when a CVV or an expiry
 * follows: see `cardWithin`), bearer tokens and the common key shapes: OpenAI/Anthropic/
 * Stripe (`sk-…`, `sk-ant-…`, `sk_live_…`, `pk_…`, `rk_…`), AWS access key ids (`AKIA…`,
 * `ASIA…`), GitHub tokens (`ghp_…`, `github_pat_…`), Slack tokens (`xoxb-…`), Google API keys
 * (`AIza…`), JWTs, the other vendors' shapes in `key-shapes.ts`, credentials in URLs and PEM
 * private keys, passwords labelled in other languages (`foreign-password.ts`) and random tokens
 * with no label at all (`unlabelled-token.ts`: a shape rule that leaves ids and digests alone),
 * also as a path segment or query value of a URL written in text (`url-tokens.ts`).
 */
export const builtinPatterns: readonly TextPattern[] = Object.freeze([
  // Bounded repetitions keep every pattern linear on a 100 KB run of word characters.
  {
    name: 'email',
    regex: new RegExp(
      `${emailStart}[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z])`,
      'g',
    ),
    hints: ['@'],
    accept: notUrlUserinfo,
  },
  // Digits may follow a JSON `\u0001` escape, but a run never starts inside one.
  {
    name: 'card',
    regex: /(?:(?<=\\u[0-9a-fA-F]{4})|(?<!\d))(?<!\\u[0-9a-fA-F]{0,3})\d(?:[ -]?\d){12,46}/g,
    accept: cardWithin,
    lead: /\d(?:[ -]?\d){12}/g,
  },
  { name: 'bearer', regex: new RegExp(`${start}Bearer\\s+[A-Za-z0-9._~+/=-]{8,}`, 'gi'), lead: /bearer\s/gi },
  // The key shapes' leads are their literal prefixes: a hint such as `gh` is in most English text
  // ("thought", "right"), and without a lead the start's look-behinds were then tried at every position.
  {
    name: 'api_key',
    regex: new RegExp(`${start}(?:sk|pk|rk)[-_][A-Za-z0-9_-]{16,}`, 'g'),
    lead: /[spr]k[-_]/g,
    keyRun: 19,
  },
  { name: 'aws_key', regex: new RegExp(`${start}(?:AKIA|ASIA)[0-9A-Z]{16}`, 'g'), lead: /A[KS]IA/g, keyRun: 20 },
  {
    name: 'github_token',
    regex: new RegExp(`${start}(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})`, 'g'),
    lead: /gh[pousr]_|github_pat_/g,
    keyRun: 24,
  },
  { name: 'slack_token', regex: new RegExp(`${start}xox[abposr]-[A-Za-z0-9-]{10,}`, 'g'), lead: /xox[abposr]-/g, keyRun: 15 },
  { name: 'google_key', regex: new RegExp(`${start}AIza[0-9A-Za-z_-]{35}`, 'g'), lead: /AIza/g, keyRun: 39 },
  ...keyShapes,
  { name: 'private_key', find: privateKeyBlocks },
  { name: 'assigned_secret', find: assignedSecrets },
  { name: 'password', find: foreignPasswordValues },
  { name: 'password', find: statedPasswordValues },
  { name: 'password', find: credentialPairCalls },
  { name: 'password', find: identifiedByPasswords },
  { name: 'password', find: commandLinePasswords },
  { name: 'password', find: programOptionPasswords },
  { name: 'password', find: positionalPasswords },
  { name: 'password', find: netCommandPasswords },
  { name: 'password', find: connectStringPasswords },
  { name: 'password', find: connectUsingPasswords },
  { name: 'password', find: rdpPasswords },
  { name: 'password', find: pgpassPasswords },
  { name: 'password', find: userPairedMembers },
  { name: 'password', find: labelledUserPasswords },
  { name: 'password', find: triedValues },
  { name: 'password', find: passwordShapedLabelValues },
  { name: 'password', find: wifiKeys, hints: ['psk', 'PSK', 'WIFI:'] },
  { name: 'password', find: promptAnswers, hints: promptHints },
  { name: 'assigned_secret', find: encodedJsonMembers, hints: ['&quot;', '&#'] },
  { name: 'iban', find: ibansIn },
  { name: 'password', find: passwordInputValues },
  { name: 'code', find: codeStatements },
  {
    name: 'jwt',
    regex: new RegExp(`${start}eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}`, 'g'),
    lead: /eyJ/g,
    keyRun: 17,
  },
  // Last: a key of a known shape keeps its own kind; only what nothing else named is a `token`,
  // standing alone in text or as a whole path segment or query value of a URL written in it.
  { name: 'token', find: urlTokens },
  { name: 'token', find: unlabelledTokens, keyRun: unlabelledKeyRun },
]);

/** Compiles configured `{ name, regex }` entries; a bad regex names its config key. */
export function configuredPatterns(patterns: readonly { name: string; regex: string }[]): RegexPattern[] {
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
