import { isForeignSecretName } from './foreign-secret-words.js';
import { headerOnlySecret } from './header-only-secret.js';
import { privateDataName } from './private-data-name.js';

/**
 * The one header policy every path applies: which fields belong to a connection rather than
 * to the message (never forwarded, never recorded), which carry secrets (never stored in the
 * clear), and which a re-sent request must not copy from a recording.
 */

/**
 * Hop-by-hop fields (RFC 9110 §7.6.1): they describe one connection, so a proxy drops them,
 * plus every field the message's own `Connection` header names. `proxy-authorization` and
 * `proxy-authenticate` are consumed by the proxy they are addressed to (RFC 9110 §11.7).
 */
export const hopByHopHeaders: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Fields a re-sent request (shadow copy, replay) never copies from the original: the hop-by-hop
 * ones, framing the dispatcher sets itself (`host`, `content-length`), `expect` (answered by
 * the first hop), and `accept-encoding` so the target answers in identity and bodies compare.
 */
export const notResentHeaders: ReadonlySet<string> = new Set([...hopByHopHeaders, 'host', 'content-length', 'expect', 'accept-encoding']);

/** The reserved prefix: only Understudy sets these; inbound ones are dropped everywhere. */
export const reservedHeaderPrefix = 'x-understudy-';

/**
 * Names that match the secret pattern but never hold a credential: kept in the clear so
 * idempotency and WebSocket handshakes stay readable in a recording.
 */
export const secretNameAllowList: ReadonlySet<string> = new Set([
  'idempotency_key',
  'x_idempotency_key',
  'sec_websocket_key',
  'cache_key',
  'sort_key',
  'partition_key',
  'primary_key',
  'foreign_key',
  'bos_token',
  'eos_token',
  'pad_token',
  'unk_token',
]);

const secretNames = new Set([
  'authorization',
  'proxy_authorization',
  'cookie',
  'set_cookie',
  'key',
  'apikey',
  'auth',
  'password',
  'passwd',
  'pwd',
  'pw',
  'passphrase',
  'secret',
  'token',
  'sig',
  'signature',
  'credential',
  'credentials',
  'session',
  'sessionid',
  'session_id',
]);

const secretSuffix =
  /_(?:key|apikey|token|secret|password|passwd|pwd?|signature|credentials?|auth|authorization|cookie|session|sessionid|session_id)$/;

/** A version or a number after a name's last word (`apiKeyV2`, `client_secret_2`): the name is still the word's. */
const versionSuffix = /_v?\d+$/;

/** Words that make a name secret wherever they stand as a whole word (`x-auth-user`, `key-id`, `x-secret-region`). */
const secretWords = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'auth',
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'credential',
  'credentials',
  'jwt',
  'bearer',
  'otp',
  'totp',
  '2fa',
  'mfa',
]);

/**
 * Last words that make a name one *about* a secret, not one holding it: a compound's head is its
 * last word (`key_count` is a count, `token_limit` a limit, `password_min_length` a length,
 * `token_type` a type). `id` is not one of them: `session_id`, `key-id` hold or reveal the secret.
 */
const aboutHeads: ReadonlySet<string> = new Set([
  'count',
  'length',
  'len',
  'size',
  'limit',
  'type',
  'ttl',
  'timeout',
  'expiry',
  'expiration',
  'days',
  'policy',
  'format',
  'algorithm',
  'alg',
  'rotation',
  'strength',
  'enabled',
  'required',
  'method',
  'mode',
  'scheme',
  'provider',
  'mgmt',
  'management',
]);

/**
 * True when a header, query parameter or JSON key is named like a secret: `authorization`,
 * `cookie`, `set-cookie`, `session`, `sig` and the like; anything ending in `-signature`,
 * `-cookie`, `-session`; and anything with `key`, `token`, `secret`, `auth`, `password`,
 * `apikey` or `credentials` as a whole word anywhere (`x-api-key`, `x-goog-api-key`,
 * `x-auth-token`, `x-auth-user`, `key-id`, `client_secret`, `refresh_token`). Words are split on
 * `-`, `_`, `.` and spaces; a camelCase name ends in its last word too (`accessToken`,
 * `clientSecret`, `apiKey`), though its inner words do not count on their own (`totalTokenCount`
 * is a count). Password, secret, key and token words of other languages count as well
 * (`Passwort`, `contraseña`, `mot_de_passe`, `geheimnis`, `пароль`, `密码`: `isForeignSecretName`).
 * Compared case-insensitively, except the names in {@link secretNameAllowList}.
 */
export function isSecretName(name: string): boolean {
  const known = verdicts.get(name);
  if (known !== undefined) return known;
  // A bracketed or dotted path's parts are words too (`creds[password]`, `db.password`).
  const n = name.toLowerCase().replace(/[-\s.[\]]/g, '_');
  const camel = camelWords(name);
  const secret =
    !secretNameAllowList.has(n) &&
    !secretNameAllowList.has(camel) &&
    !aboutHeads.has(camel.slice(camel.lastIndexOf('_') + 1)) &&
    (secretNames.has(n) ||
      secretSuffix.test(camel) ||
      secretSuffix.test(camel.replace(versionSuffix, '')) ||
      n.split('_').some((word) => secretWords.has(word)) ||
      splitSecretWord(camel) ||
      privateDataName(camel.split('_')) ||
      compoundPassword(name, n) ||
      isForeignSecretName(name));
  // Header and member names repeat on every request: remember a bounded number of verdicts.
  if (verdicts.size >= maxVerdicts) verdicts.clear();
  if (name.length <= 64) verdicts.set(name, secret);
  return secret;
}

/** True when a header carries a credential: a secret name (`isSecretName`), or one only a header's name is (`headerOnlySecret`: `x-sid`, `x-honeycomb-team`). */
export function isSecretHeader(name: string): boolean {
  return isSecretName(name) || headerOnlySecret(name.toLowerCase());
}

/**
 * A secret compound written as its two words (`pass_word`, `PASS-WORD`, `pass.word`, `passWord`,
 * `pass_phrase`): two neighbouring words of the name that make one (trust audit 6 left `pass_word =
 * …` stored). `camel` is the name in words (`camelWords`). Only a compound's own words count: a
 * word cut anywhere else (`jw_t`, `to-ken`, `secr.et`) is no name anyone writes, and the member
 * scan, which looks only where a secret word stands (`secretWord`: `pass` here), could not find it,
 * so the two would disagree on a body (secret-members' property test found `{"JW_t": false}`).
 */
function splitSecretWord(camel: string): boolean {
  const words = camel.split('_');
  for (let i = 1; i < words.length; i++) if (compoundWords.has(`${words[i - 1]}_${words[i]}`)) return true;
  return false;
}

/** The secret compounds of {@link secretWords} as their two words. */
const compoundWords: ReadonlySet<string> = new Set(['pass_word', 'pass_wd', 'pass_phrase', 'pass_code', 'api_key']);

/**
 * A password's name run together with what it is for, as environment variables are written
 * (`PGPASSWORD`, `MYSQLROOTPASSWORD`, `dbpasswd`), or an upper-case variable ending in `PASS`
 * (`SSHPASS`, `SMTP_PASS`), or in lower or camel case after another word (`db_pass`, `smtpPass`;
 * trust audit 5), which no English word ending in `pass` is (`BYPASS`, `COMPASS`).
 */
function compoundPassword(name: string, lower: string): boolean {
  if (/pass(?:word|wd|phrase)$/.test(lower)) return true;
  // `db_pass`, `smtpPass`: the same in lower or camel case, a word before `pass` (`pass` alone is a verb).
  // A header's words are joined by `-` (`x-db-pass`): read as `lower`, with `_`.
  const shape =
    /^[A-Z][A-Z0-9_]*PASS$/.test(name) ||
    /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_pass$/.test(name) ||
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-pass$/i.test(name) ||
    /^[a-z][a-z0-9]*Pass$/.test(name);
  return shape && !passWords.has(lower.replace(/^.*_/, ''));
}

const passWords: ReadonlySet<string> = new Set(['bypass', 'compass', 'encompass', 'overpass', 'underpass', 'surpass', 'trespass']);

/** `accessToken` → `access_token`; other names as `isSecretName` reads them. */
function camelWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-\s.[\]]/g, '_');
}

const verdicts = new Map<string, boolean>();
const maxVerdicts = 2048;

/** Field names the message's `Connection` header lists (other than the `close`/`keep-alive` options). */
export function connectionNamed(connection: string | undefined): ReadonlySet<string> | undefined {
  if (connection === undefined || connection === 'keep-alive' || connection === 'close') return undefined;
  let names: Set<string> | undefined;
  for (const token of connection.split(',')) {
    const t = token.trim().toLowerCase();
    if (t === '' || t === 'close' || t === 'keep-alive') continue;
    names ??= new Set();
    names.add(t);
  }
  return names;
}

/**
 * The end-to-end fields of a message as a lower-cased record, as every path records them:
 * hop-by-hop fields, the ones `Connection` names and `x-understudy-*` are left out.
 */
export function endToEndHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const named = connectionNamed(headers.connection);
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (hopByHopHeaders.has(lower) || lower.startsWith(reservedHeaderPrefix) || named?.has(lower)) continue;
    out[lower] = headers[name] as string;
  }
  return out;
}

/**
 * The headers of a re-sent request (a shadow copy or a replay): the original's end-to-end
 * fields minus framing and minus every secret-named one, then the target version's own headers
 * (its credentials), then the caller's markers. An end user's credential never reaches a
 * target: a replay holds only placeholders anyway, and the live shadow, which has the real
 * request in memory, must not hand the user's `Authorization`/`Cookie`/API key to a candidate
 * either — the version's headers are what authenticate it.
 */
export function resentHeaders(
  original: Readonly<Record<string, string>>,
  versionHeaders: Readonly<Record<string, string>>,
  marks: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(endToEndHeaders(original))) {
    if (notResentHeaders.has(name) || isSecretHeader(name)) continue;
    out[name] = value;
  }
  for (const [name, value] of Object.entries(versionHeaders)) out[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(marks)) out[name.toLowerCase()] = value;
  return out;
}

/**
 * The query string of a re-sent request (without `?`): the original's parameters in their
 * order and spelling, minus every secret-named one (`key`, `api_key`, `access_token`, …), for
 * the same reason {@link resentHeaders} drops credential headers.
 */
export function resentQuery(query: string): string {
  if (query === '') return query;
  return query
    .split('&')
    .filter((part) => {
      const eq = part.indexOf('=');
      return !isSecretName(decodedName(eq === -1 ? part : part.slice(0, eq)));
    })
    .join('&');
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}
