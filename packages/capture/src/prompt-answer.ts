import { redacted, type Span } from './secret-value-spans.js';

/**
 * A secret typed at a prompt, as a transcript or a script shows it (trust audit 9):
 * - a prompt that names a secret, with its default in brackets, then the answer (`aws configure`:
 *   `AWS Secret Access Key [None]: …`, `[****abcd]: …`); a prompt naming no secret (`Default region
 *   name [None]: eu-west-1`) is data;
 * - `send "…\r"` in an `expect` script after an `expect` of a password prompt (`"assword:"`,
 *   `"Passphrase"`, `"PIN"`): what is sent is the password.
 */
export function promptAnswers(text: string): Span[] {
  let out: Span[] | undefined;
  if (text.includes(']:')) {
    bracketPrompt.lastIndex = 0;
    for (let m = bracketPrompt.exec(text); m !== null; m = bracketPrompt.exec(text)) {
      const value = m[2] ?? '';
      if (!secretPrompt.test(m[1] ?? '') || redacted(value)) continue;
      out ??= [];
      out.push([m.index + m[0].length - value.length, m.index + m[0].length]);
    }
  }
  for (let at = text.indexOf('send'); at !== -1; at = text.indexOf('send', at + 4)) {
    const before = text.charAt(at - 1);
    if (wordChar.test(before) && !('nrt'.includes(before) && text.charAt(at - 2) === '\\')) continue;
    send.lastIndex = at;
    const m = send.exec(text);
    if (m === null) continue;
    const expected = text.slice(Math.max(0, at - reach), at);
    const prompt = expected.lastIndexOf('expect');
    if (prompt === -1 || !secretPrompt.test(expected.slice(prompt))) continue;
    const value = (m[2] ?? '').replace(/(?:\\+[rn])+$/, '');
    if (value === '' || redacted(value)) continue;
    const from = at + m[0].length - (m[2] ?? '').length;
    out ??= [];
    out.push([from, from + value.length]);
  }
  return out ?? none;
}

const none: Span[] = [];

/** What every answer's context holds (`hints` of its pattern): a bracketed default's `]:`, a `send` of a quoted string. */
export const promptHints: readonly string[] = [']:', 'send "', 'send \\"', 'send -- '];
const wordChar = /[\w-]/;
/** How far back from a `send` its `expect` is looked for. */
const reach = 300;
/** A prompt's words that ask for a secret: `password` (also `assword`, as expect scripts match it), `passphrase`, `secret`, `token`, `PIN`. */
const secretPrompt = /assword|passphrase|passcode|secret|token|\bPIN\b/i;
/** `Words of the prompt [default]: answer`: at most six words on the prompt's line, a bracketed default, the answer to a blank. */
const bracketPrompt = /((?:[A-Za-z][\w-]* ){1,6})\[[^\]\r\n]{0,64}\]:[ \t]*([^\s"'\\]{1,256})/g;
/** `send "…"` or `send -- "…"` (in JSON-escaped text `send \"…\"`), from its `send`: the quote, then the content. */
const send = /send[ \t]+(?:--[ \t]+)?(\\?")((?:(?!\1)[^\r\n])+?)(?=\1)/y;
