import { shellWord } from './command-line-password.js';
import { lineStartAt, redacted, type Span } from './secret-value-spans.js';

/** FreeRDP's programs (`xfreerdp`, `xfreerdp3`, `wlfreerdp`, `sdl-freerdp`, `wfreerdp.exe`) as a word of their own. */
const freerdp = /(?:^|[\s"'`>]|\\[nt"])[\w-]*freerdp\d?(?:\.exe)?[ \t]/;

/** How far back on its line a `/p:` looks for the program (its other options before it). */
const reach = 400;

/**
 * FreeRDP's password option, `/p:PW` (quoted or not, in text or JSON-escaped), on a line that runs
 * one of FreeRDP's programs: `xfreerdp /v:host /u:alice /p:PW`. Elsewhere `/p:` is another
 * program's property (`msbuild /p:Configuration=Release`) and names no secret. Gated by a native
 * search for `/p:`, which prose and JSON almost never hold.
 */
export function rdpPasswords(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('/p:'); at !== -1; at = text.indexOf('/p:', at + 3)) {
    const before = text.charAt(at - 1);
    if (before !== ' ' && before !== '\t') continue;
    let line = at;
    while (line > 0 && at - line < reach && !lineStartAt(text, line)) line--;
    if (!freerdp.test(`\n${text.slice(line, at)}`)) continue;
    const value = shellWord(text, at + 3, text.length);
    if (value !== undefined && !redacted(text.slice(value[0], value[1]))) out.push(value);
  }
  return out;
}
