import { isSecretName } from './header-policy.js';
import { lineStartAt, quotedValue, type Span, skipBlanks, stringStartAt } from './secret-value-spans.js';

/** How far back a block's opening or a table's header is looked for. */
const reach = 1024;

/**
 * `key = "…"` (or `key: "…"`) inside a block or table whose name makes it a secret's:
 * `api = { key = "…" }`, `api {\n  key = "…"\n}` (HCL), `api: { key: "…" }` (code),
 * `[api]\nkey = "…"` (TOML). The bare word `key` is a label in prose (`key = "primary"`), so alone
 * it names nothing; nested, its name is the path (`api.key`), read as any other name is
 * (`isSecretName`: `sort.key` and `primary.key` stay). The value is a quoted string, or in a table a
 * word up to a blank. Trust audit 6 left `api = { key = "…" }` stored.
 */
export function nestedKeyValue(text: string, start: number, end: number): Span | undefined {
  const op = skipBlanks(text, end);
  const sign = text.charAt(op);
  if ((sign !== '=' && sign !== ':') || text.charAt(op + 1) === sign) return undefined;
  const blockName = enclosingBlockName(text, start);
  const parent = blockName ?? (lineStartAt(text, lineStartBefore(text, start)) ? tableName(text, start) : undefined);
  if (parent === undefined || !isSecretName(`${parent}.${text.slice(start, end)}`)) return undefined;
  const from = skipBlanks(text, op + 1);
  const quoted = quotedValue(text, from);
  if (quoted !== undefined || blockName !== undefined) return quoted;
  let to = from;
  while (to < text.length && !' \t\r\n\\"\'{[(<#,'.includes(text.charAt(to))) to++;
  return to > from ? [from, to] : undefined;
}

/** Where `key`'s line starts, past its indentation. */
function lineStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && ' \t'.includes(text.charAt(i - 1))) i--;
  return i;
}

/** The name of the innermost `{ … }` block still open at `at` (`api = {`, `api {`, `"api": {`), within {@link reach}. */
function enclosingBlockName(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0 && at - i <= reach; i--) {
    const c = text.charAt(i);
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return nameBefore(text, i);
      depth--;
    }
  }
  return undefined;
}

/** The name before a block's `{`: past blanks, an optional `=` or `:`, a closing quote. */
function nameBefore(text: string, brace: number): string | undefined {
  let i = brace;
  while (i > 0 && ' \t'.includes(text.charAt(i - 1))) i--;
  if (text.charAt(i - 1) === '=' || text.charAt(i - 1) === ':') i--;
  while (i > 0 && ' \t'.includes(text.charAt(i - 1))) i--;
  if (text.charAt(i - 1) === '"' || text.charAt(i - 1) === "'") i--;
  if (text.charAt(i - 1) === '\\') i--;
  const to = i;
  while (i > 0 && nameChar(text.charCodeAt(i - 1))) i--;
  return to > i ? text.slice(i, to) : undefined;
}

/** The name of the TOML or INI table whose header (`[api]`, `[tool.api]`) is the last one before `at`, within {@link reach}. */
function tableName(text: string, at: number): string | undefined {
  for (let i = at - 1; i >= 0 && at - i <= reach; i--) {
    if (text.charAt(i) !== '[' || !(lineStartAt(text, i) || stringStartAt(text, i))) continue;
    let to = i + 1;
    while (nameChar(text.charCodeAt(to))) to++;
    return to > i + 1 && text.charAt(to) === ']' ? text.slice(i + 1, to) : undefined;
  }
  return undefined;
}

/** Letters, digits, `_`, `-`, `.`. */
function nameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45 || c === 46;
}
