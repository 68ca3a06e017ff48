import { quotedValue, redacted, type Span, skipBlanks } from './secret-value-spans.js';

/** What may close a secret's name or read before a fallback: a quote, an index's `]`, a call's `)`. */
const closers = '"\'])';
/** A fallback operator and the blanks after it: `??` (JS, C#, PHP), `||` / `||=` (JS, Ruby), `?:` (Kotlin, Groovy), `or` (Python, Lua). */
const fallbackOperator = /^(?:\?\?=?|\|\|=?|\?:|or(?=[ \t]))[ \t]*/;

/**
 * The literal a secret falls back to when it is not set: `process.env.DB_PASSWORD ?? "…"`,
 * `ENV['API_KEY'] ||= '…'`, `os.getenv("TOKEN") or "…"`, `System.getenv("PW") ?: "…"`, read after
 * the secret's name or the value read for it (`at`, past the closers of a quote, an index or a
 * call, then blanks). The fallback is the secret whenever the variable is unset: the same secret as
 * an assignment's literal (trust audit 5 left `??` stored).
 */
export function fallbackValue(text: string, at: number): Span | undefined {
  let i = at;
  for (let n = 0; n < 3 && (closers.includes(text.charAt(i)) || (text.charAt(i) === '\\' && text.charAt(i + 1) === '"')); n++)
    i += text.charAt(i) === '\\' ? 2 : 1;
  i = skipBlanks(text, i);
  // Every name and value reaches here: a character decides before any regex runs.
  const c = text.charAt(i);
  if (c === '?' || c === '|' || c === 'o') {
    const op = fallbackOperator.exec(text.slice(i, i + 8));
    if (op !== null) return quotedValue(text, i + op[0].length);
  }
  // A value read to its line's blank may have taken the operator with it (`password: process.env.PW ?? "…"`).
  if (c !== '"' && c !== "'" && c !== '\\') return undefined;
  return /(?:\?\?|\|\||\?:)[ \t]*$/.test(text.slice(Math.max(0, at - 4), at)) ? quotedValue(text, i) : undefined;
}

/**
 * A placeholder's default in a template, `${db.password:…}` (Spring) or `${DB_PASSWORD:-…}`
 * (shell): `[start, end)` is the name right after `${`; the default runs to the closing `}`.
 */
export function placeholderDefault(text: string, start: number, end: number): Span | undefined {
  if (text.charAt(start - 1) !== '{' || text.charAt(start - 2) !== '$' || text.charAt(end) !== ':') return undefined;
  const from = end + (text.charAt(end + 1) === '-' || text.charAt(end + 1) === '=' ? 2 : 1);
  let to = from;
  while (to < text.length && to - from <= 256 && !'}"\'\\ \t\r\n'.includes(text.charAt(to))) to++;
  return text.charAt(to) === '}' && to > from && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}

/**
 * A Terraform (HCL) variable named as a secret, `variable "db_password" {` (`[start, end)` the
 * quoted name), whose block gives it a `default = "…"`: the default, the secret every plan uses.
 */
export function variableDefault(text: string, start: number, end: number): Span | undefined {
  const open = text.charAt(start - 1);
  if (open !== '"' && open !== "'") return undefined;
  // In JSON-escaped text the name's quotes are `\"`.
  const quote = open === '"' && text.charAt(start - 2) === '\\' ? '\\"' : open;
  if (!text.startsWith(quote, end) || !/variable[ \t]+\\?$/.test(text.slice(Math.max(0, start - 11), start - 1))) return undefined;
  const brace = skipBlanks(text, end + quote.length);
  if (text.charAt(brace) !== '{') return undefined;
  const close = text.indexOf('}', brace);
  const block = text.slice(brace, close === -1 ? Math.min(text.length, brace + 512) : close);
  const m = /(?:^|[\s{]|\\[nt])default[ \t]*=[ \t]*/.exec(block);
  return m === null ? undefined : quotedValue(text, brace + m.index + m[0].length);
}

/**
 * A typed declaration's literal, `DB_PASSWORD: &str = "…"` (Rust), `apiKey: string = "…"`
 * (TypeScript), `password: String = "…"` (Kotlin, Swift), `at` being the `:` after the name: the
 * quoted value after the type and `=`. Read before a YAML or prose colon reads the type as the value.
 */
export function typedDeclarationValue(text: string, at: number): Span | undefined {
  // Read by hand, not by a regex: every `name:` reaches here, and in prose or YAML the first word
  // after it is no type followed by `=` (a regex on a slice cost ~0.3 µs a label).
  let i = skipBlanks(text, at + 1);
  if (text.charAt(i) === '&') i++;
  if (text.startsWith("'static", i)) i = skipBlanks(text, i + 7);
  const from = i;
  while (i - from <= 40 && typeChar(text.charCodeAt(i))) i++;
  if (i === from || !/[A-Za-z_]/.test(text.charAt(from))) return undefined;
  if (text.charAt(i) === '?') i++;
  i = skipBlanks(text, i);
  if (text.charAt(i) !== '=' || text.charAt(i + 1) === '=') return undefined;
  return quotedValue(text, skipBlanks(text, i + 1));
}

/** Letters, digits, `_`, `.`, `:`, `<`, `>`, `[`, `]`: what a type's name is written with (`Option<String>`, `std::string`). */
function typeChar(c: number): boolean {
  return (
    (c >= 48 && c <= 58) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 46 || c === 60 || c === 62 || c === 91 || c === 93
  );
}
