import { configLineValue, spacedAssignmentValue } from './config-line-secret.js';
import { isSecretName } from './header-policy.js';
import { dashedPasswordValue, inlineColonValue, spacedPasswordValue, statedPasswordValue, statedSecretValue } from './inline-secret.js';
import { elementTextValue } from './markup-secret.js';
import { multipartFieldValue } from './multipart-secret.js';
import { nestedKeyValue } from './nested-key-value.js';
import { fallbackValue, placeholderDefault, typedDeclarationValue, variableDefault } from './secret-defaults.js';
import { quotedValue, redacted, type Span, skipBlanks } from './secret-value-spans.js';
import { nextSecretWord } from './secret-words.js';
import { setCommandValue } from './set-command-value.js';
import { userPairedPassValue } from './user-paired-password.js';

/**
 * Secrets assigned to a secret name in text, wherever the text comes from: `?api_key=…` and
 * `#access_token=…` in a URL a tool call fetches, `password=…` in a config line or a log, and
 * `Authorization: Basic …` / `X-Api-Key: …` header lines in a pasted curl command or request;
 * quoted assignments in code and env files (`password="…"`, `apiKey: '…'`), YAML and INI lines
 * (`  api_key: …`, `password = …`), XML elements (`<password>…</password>`) and multipart form
 * fields (`name="password"`). A secret of no known shape is only recognisable by its name; the
 * JSON member scan reads names in JSON only, and the request's own query and headers are
 * redacted apart.
 *
 * Driven by the secret words (every secret name holds one), like the member scan: most text
 * holds none and costs one pass of that regex. Returns the values' ranges, left to right.
 */
export function assignedSecrets(text: string): Span[] {
  const out: Span[] = [];
  const json = jsonDocument(text);
  let floor = 0;
  for (let word = nextSecretWord(text, 0); word !== undefined; ) {
    let start = word.start;
    // Not across a JSON escape's letter: `\npassword=` names `password`.
    while (
      start > floor &&
      isNameChar(text.charCodeAt(start - 1)) &&
      !(text.charAt(start - 2) === '\\' && 'nrt'.includes(text.charAt(start - 1)))
    )
      start--;
    let end = word.end;
    // Latin letters with diacritics too: `contraseña = "…"` names `contraseña`, not `contrase`.
    while (end < text.length && (isNameChar(text.charCodeAt(end)) || latinLetter(text.charCodeAt(end)))) end++;
    const name = text.slice(start, end);
    // The name first (a remembered verdict): most words the scan finds name no secret (`shipping`, `cardholder`).
    const secret = isSecretName(name);
    const found = secret
      ? (assignedValue(text, start, end, name) ?? fallbackValue(text, end))
      : (credentialArgument(text, end, name) ?? userPairedPassValue(text, start, end, name));
    const value = found !== undefined && json ? withinString(text, found) : found;
    // A URN (RFC 8141) names a kind, not a credential: `GRANT_TYPE_JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'`.
    if (value === undefined || text.startsWith('urn:', value[0])) {
      word = nextSecretWord(text, word.end);
      continue;
    }
    out.push(value);
    floor = value[1];
    // `password: process.env.PW ?? "…"`: the literal the value falls back to is the secret too.
    const fallback = secret && mayFallBack(text.charCodeAt(floor)) ? fallbackValue(text, floor) : undefined;
    const fellBack = fallback !== undefined && json ? withinString(text, fallback) : fallback;
    if (fellBack !== undefined) {
      out.push(fellBack);
      floor = fellBack[1];
    }
    // Past the name too: a value piped in before it (`echo … | gh secret set NAME`) ends before the name does.
    word = nextSecretWord(text, Math.max(floor, end));
  }
  return out;
}

/** What may stand right after a value that falls back (`PW ?? "…"`, `getenv("PW") || "…"`): a blank or a closer. */
function mayFallBack(c: number): boolean {
  return c === 32 || c === 9 || c === 34 || c === 39 || c === 41 || c === 93 || c === 92;
}

/** Whether `text` is a JSON document (an object or array), where a bare `"` always ends a string. */
function jsonDocument(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '{' || c === '[') return true;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return false;
  }
  return false;
}

/**
 * In a JSON document, a value found in a string's text ends where that string does: at the first
 * bare `"` (one not escaped by a backslash) — a line read to its end, or a quote that only closed
 * in a later string, would take the document's structure with it. Trailing backslashes stay out
 * (half an escape). Undefined when nothing is left.
 */
function withinString(text: string, [from, to]: Span): Span | undefined {
  let end = to;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 92) i++;
    else if (text.charCodeAt(i) === 34) {
      end = i;
      break;
    }
  }
  while (end > from && text.charCodeAt(end - 1) === 92) end--;
  return end > from ? [from, end] : undefined;
}

/** The value assigned to the name at `[start, end)`, by what follows it (and what precedes it). */
function assignedValue(text: string, start: number, end: number, name: string): Span | undefined {
  const argument =
    quotedNameValue(text, start, end) ??
    credentialArgument(text, end, name) ??
    variableDefault(text, start, end) ??
    placeholderDefault(text, start, end) ??
    setCommandValue(text, start, end);
  if (argument !== undefined) return argument;
  const next = text.charAt(end);
  if (next === '=') return assignment(text, start, end) ?? (bareKey(name) ? nestedKeyValue(text, start, end) : undefined);
  // `password : …` (a properties or YAML-ish line with a blank before its colon), `:password => '…'` (a Ruby symbol).
  const colon = skipBlanks(text, end);
  if (colon > end && text.charAt(colon) === ':' && ' \t'.includes(text.charAt(colon + 1))) return configLineValue(text, start, colon, name);
  if (text.charAt(start - 1) === ':' && text.startsWith('=>', colon)) return unspaced(text, quotedValue(text, skipBlanks(text, colon + 2)));
  if (next === ':')
    return (
      headerLine(text, start, end, name) ??
      configLineValue(text, start, end, name) ??
      quotedAfterColon(text, start, end, name) ??
      // Before a prose colon's reading takes the type for the value (`const PW: &str = "…"`).
      typedDeclarationValue(text, end) ??
      (nameBoundary(text, start) ? inlineColonValue(text, end, name) : undefined) ??
      (bareKey(name) ? nestedKeyValue(text, start, end) : undefined)
    );
  if (next === '"') return multipartFieldValue(text, start, end);
  if (bareKey(name))
    return nestedKeyValue(text, start, end) ?? (nameBoundary(text, start) ? statedSecretValue(text, end, name) : undefined);
  return (
    multipartFieldValue(text, start, end) ??
    elementTextValue(text, start, end) ??
    spacedAssignmentValue(text, start, end) ??
    (nameBoundary(text, start)
      ? (statedPasswordValue(text, end, name) ??
        dashedPasswordValue(text, end, name) ??
        statedSecretValue(text, end, name) ??
        spacedPasswordValue(text, end, name))
      : undefined)
  );
}

/** The bare word `key`, a label far more often than a credential (`key=value pairs`, `<key>NAME</key>`, `Key: …`). */
function bareKey(name: string): boolean {
  return name.length === 3 && name.toLowerCase() === 'key';
}

/** Letters, digits, `_`, `-`, `.`: what a parameter or header name is made of. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45 || c === 46;
}

/** A Latin letter with a diacritic (Latin-1 Supplement and Extended-A/B, not `×` `÷`). */
function latinLetter(c: number): boolean {
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

/** Where a name may start: the text's start, a URL's `?`/`&`/`#`/`;`, a `:` or `=`, space, a quote or bracket, or a JSON escape (`\n`). */
function nameBoundary(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charAt(at - 1);
  // `:` too: an `.npmrc` line names its credential after one (`//registry.npmjs.org/:_authToken=…`);
  // and `=`: an assignment inside an option's value (`--from-literal=password=…`, `--env=DB_PASSWORD=…`).
  if ('?&#;:="\'(,{[ \t\r\n'.includes(c)) return true;
  return 'nrt'.includes(c) && text.charAt(at - 2) === '\\';
}

/**
 * `name=value`: the value, up to the next separator, a quote, a bracket or a backslash (a JSON
 * escape). In a URL's query or fragment any secret name counts; elsewhere the bare word `key`
 * does not (`key=value pairs` is prose), while `api_key=`, `password=`, `token=` do.
 */
function assignment(text: string, start: number, end: number): Span | undefined {
  if (!nameBoundary(text, start) || text.charAt(end + 1) === '=') return undefined;
  if (!'?&#;'.includes(text.charAt(start - 1)) && bareKey(text.slice(start, end))) return undefined;
  const from = end + 1;
  // `password="…"` (an attribute, a keyword argument, an env file): the quoted content.
  const quoted = quotedValue(text, from);
  if (quoted !== undefined) return quoted;
  let to = from;
  while (to < text.length && !'&#;,)]}"\'<>\\ \t\r\n'.includes(text.charAt(to))) to++;
  return to > from && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}

/** Header names whose value is a credential however they are spelt, besides names with a `-`. */
const headerNames = new Set(['authorization', 'cookie']);

/**
 * `Name: value` standing as a header line — at the start of a line (a JSON `\n` counts) or of a
 * quoted string (`-H "X-Api-Key: …"`) — for a header-like name (hyphenated, or `Authorization`,
 * `Cookie`): the value to the end of the line or the quote. Prose (`Your session: 45 minutes`) is
 * neither hyphenated nor a credential header, and is left alone.
 */
function headerLine(text: string, start: number, end: number, name: string): Span | undefined {
  if (text.charAt(end) !== ':' || (!name.includes('-') && !headerNames.has(name.toLowerCase()))) return undefined;
  const before = text.charAt(start - 1);
  const lineStart =
    start === 0 ||
    before === '\n' ||
    before === '\r' ||
    before === '"' ||
    before === "'" ||
    (before === 'n' && text.charAt(start - 2) === '\\');
  if (!lineStart) return undefined;
  // Inside a quoted string the value ends at its closing quote; on a line of its own, at the
  // line's end (quotes in it belong to it: `Digest username="bob", response="…"`).
  const quote = before === '"' || before === "'" ? before : undefined;
  let from = end + 1;
  while (text.charAt(from) === ' ' || text.charAt(from) === '\t') from++;
  let to = from;
  for (; to < text.length; to++) {
    const c = text.charAt(to);
    if (c === '\r' || c === '\n' || c === quote || (c === '\\' && 'nr'.includes(text.charAt(to + 1)))) break;
  }
  while (to > from && ' \t\\'.includes(text.charAt(to - 1))) to--;
  return to - from >= 4 && !redacted(text.slice(from, to)) ? [from, to] : undefined;
}

/** `apiKey: "…"` (an object literal in code, flow-style YAML) anywhere a name may start: the quoted content. */
function quotedAfterColon(text: string, start: number, end: number, name: string): Span | undefined {
  if (bareKey(name) || !nameBoundary(text, start)) return undefined;
  return quotedValue(text, skipBlanks(text, end + 1));
}

/**
 * A quoted secret name given as a call's first argument, a map's key or an index, its value the
 * next quoted string: `define('DB_PASSWORD', '…')`, `props.setProperty("password", "…")`,
 * `os.getenv("API_KEY", "…")`, `'password' => '…'` (PHP, Ruby), `os.environ["DB_PASSWORD"] = "…"`,
 * `<property name="password" value="…"/>` (an XML element's name or key attribute, then its value),
 * in text or JSON-escaped (`\"password\", \"…\"`), when it has no blank. A list of names
 * (`"required": ["password", "email"]`, a tuple) is none: a name before `,` counts only as the
 * first argument of a named call.
 */
function quotedNameValue(text: string, start: number, end: number): Span | undefined {
  const open = text.charAt(start - 1);
  if (open !== '"' && open !== "'") return undefined;
  const quote = open === '"' && text.charAt(start - 2) === '\\' ? '\\"' : open;
  if (!text.startsWith(quote, end)) return undefined;
  let before = start - quote.length - 1;
  while (before >= 0 && ' \t'.includes(text.charAt(before))) before--;
  let at = skipBlanks(text, end + quote.length);
  const opener = text.charAt(before);
  // A call's `(` follows its name (`define(`); a tuple's follows a blank or `=`.
  if (text.charAt(at) === ',' && opener === '(' && isNameChar(text.charCodeAt(before - 1))) at++;
  else if (text.startsWith('=>', at)) at += 2;
  // `{'password': '…'}` (a Python dict, a JS object with single-quoted keys), when the value has no
  // blank; a double-quoted name before `:` is a JSON member, which the member rule reads.
  else if (quote === "'" && text.charAt(at) === ':' && text.charAt(at + 1) !== ':') at++;
  // `<property name="password" value="…"/>`, `<add key="ApiSecret" value="…"/>`: the element's value attribute.
  else if (/^value=/i.test(text.slice(at, at + 6)) && /(?:name|key)=$/i.test(text.slice(before - 4, before + 1))) at += 6;
  else if (text.charAt(at) === ']' && opener === '[') {
    at = skipBlanks(text, at + 1);
    if (text.charAt(at) !== '=' || text.charAt(at + 1) === '=') return undefined;
    at++;
  } else return undefined;
  return unspaced(text, quotedValue(text, skipBlanks(text, at)));
}

/** A value with no blank in it: a message logged under a name (`log("password", "changed for bob")`) is prose. */
function unspaced(text: string, value: Span | undefined): Span | undefined {
  return value === undefined || /[ \t]/.test(text.slice(value[0], value[1])) ? undefined : value;
}

/**
 * A credential's constructor given it in quoted arguments: the second (after the user or the key
 * id) is the secret — `new NetworkCredential("bob", "…")`, `PSCredential("bob", "…")`,
 * `UsernamePasswordCredentials("bob", "…")`, `BasicAWSCredentials("AKIA…", "…")`.
 */
function credentialArgument(text: string, end: number, name: string): Span | undefined {
  if (text.charAt(end) !== '(' || !/credentials?$/i.test(name)) return undefined;
  const first = quotedValue(text, skipBlanks(text, end + 1));
  if (first === undefined) return undefined;
  const close = text.startsWith('\\"', first[1]) ? 2 : 1;
  const comma = skipBlanks(text, first[1] + close);
  return text.charAt(comma) === ',' ? quotedValue(text, skipBlanks(text, comma + 1)) : undefined;
}
