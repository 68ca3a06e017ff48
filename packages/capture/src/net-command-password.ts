import { lineEnd } from './command-line-password.js';
import { lineStartAt, redacted, type Span } from './secret-value-spans.js';

/**
 * `net user NAME PW` and `net use`, in any letter case (`NET USER`, `net.exe use`), as a word of
 * its own. A native case-insensitive scan: the regex engine skips by the literal's letters, ~0.5 µs
 * on a 2.8 KB reply (no rarer character is in every such command to look for first: the password
 * after `net user alice` stands alone).
 */
const netCommand = /net(?:\.exe)?[ \t]+use(r?)(?=[ \t])/gi;

/** `Z:`, `LPT1:`, `*`: the device `net use` maps, before the share. */
const device = /^(?:[A-Za-z]|LPT\d|COM\d):$|^\*$/i;

/**
 * Windows's `net user NAME PW [/options]` and `net use [DEVICE] \\host\share PW [/user:…]` (or a
 * WebDAV URL for the share, the password before or after `/user:`): the password is a word at its
 * place, whatever its shape (`sunflower`). Taken where the line reads as a command and not as prose
 * about "net users": the command stands at a line's start, after a prompt (`C:\>`), a quote or a
 * backtick, or gives a `/option`; and it has no more words than the command takes (`net user base
 * grew by 5%` is prose). `*` (prompt for it) is no password.
 */
export function netCommandPasswords(text: string): Span[] {
  const out: Span[] = [];
  netCommand.lastIndex = 0;
  for (let m = netCommand.exec(text); m !== null; m = netCommand.exec(text)) {
    if (!wordStart(text, m.index)) continue;
    const from = m.index + m[0].length;
    const end = lineEnd(text, from);
    const words = commandWords(text, from, end);
    const positional = words.filter(([s]) => text.charAt(s) !== '/');
    const hasOption = words.length > positional.length;
    let at = 0;
    if (m[1] === '') {
      // `net use`: [device] share password.
      if (positional[0] !== undefined && device.test(slice(text, positional[0]))) at++;
      const share = positional[at];
      if (share === undefined || !/^(?:\\\\|https?:\/\/)/i.test(slice(text, share))) continue;
      at++;
    } else at = 1; // `net user`: name password.
    const pw = positional[at];
    if (pw === undefined || positional.length > at + 1 || !(hasOption || commandPlace(text, m.index))) continue;
    const value = unquoted(text, pw);
    if (value !== '*' && value !== '' && !redacted(value)) out.push(quotedContent(text, pw));
    netCommand.lastIndex = end;
  }
  return out;
}

function slice(text: string, [s, e]: Span): string {
  return text.slice(s, e);
}

/** `net` is a word of its own: at the text's start, after a JSON `\n` / `\t`, or after no word character, dot, slash or dash. */
function wordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if ((before === 'n' || before === 't') && text.charAt(at - 2) === '\\') return true;
  return !/[\w./\\-]/.test(before);
}

/** Whether the command at `at` stands where a command does: a line's start, after a prompt (`C:\>`, `$`), a quote, a backtick or a separator. */
function commandPlace(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t')) i--;
  if (lineStartAt(text, i)) return true;
  return '>$#`"\';&|('.includes(text.charAt(i - 1));
}

/**
 * The words of a command from `from` to `end`, blank-separated, a quoted word (`"John Doe"`, or
 * `\"…\"` in JSON-escaped text) whole. A `\` is part of a word (`\\host\share`) unless it starts a
 * JSON escape that ends the text's line or string (`\n`, `\"`); a bare `"` or a backtick that opens
 * no word ends the command (a JSON string's end, a code span's).
 */
function commandWords(text: string, from: number, end: number): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < end) {
    while (i < end && (text.charAt(i) === ' ' || text.charAt(i) === '\t')) i++;
    if (i >= end) break;
    const quote = text.startsWith('\\"', i) ? '\\"' : text.charAt(i) === '"' ? '"' : '';
    if (quote !== '') {
      const close = text.indexOf(quote, i + quote.length);
      if (close === -1 || close >= end) break;
      out.push([i, close + quote.length]);
      i = close + quote.length;
      continue;
    }
    const start = i;
    while (i < end && text.charAt(i) !== ' ' && text.charAt(i) !== '\t' && text.charAt(i) !== '"' && text.charAt(i) !== '`') {
      if (text.charAt(i) === '\\' && '"nrt'.includes(text.charAt(i + 1))) break;
      i += text.charAt(i) === '\\' && text.charAt(i + 1) === '\\' ? 2 : 1;
    }
    if (i > start) out.push([start, i]);
    if (i < end && text.charAt(i) !== ' ' && text.charAt(i) !== '\t') break;
  }
  return out;
}

/** A word's text without its quotes. */
function unquoted(text: string, word: Span): string {
  return slice(text, quotedContent(text, word));
}

function quotedContent(text: string, [s, e]: Span): Span {
  if (text.startsWith('\\"', s)) return [s + 2, e - 2];
  if (text.charAt(s) === '"') return [s + 1, e - 1];
  return [s, e];
}
