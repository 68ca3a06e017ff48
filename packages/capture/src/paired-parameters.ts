/**
 * Query and form parameters whose value is a credential only beside another parameter of the same
 * query: an OAuth 2.0 authorization code (RFC 6749 §4.1.2: `code` with the `state` it answers, or
 * the `redirect_uri` / `grant_type` / `code_verifier` it is redeemed with, §4.1.3, RFC 7636), a
 * JWT bearer assertion (RFC 7523 §2.1: `assertion` with a `grant_type`; `client_assertion` with
 * its type, §2.2), and a short password name (`pass`, `pw`, `p`) beside a user's
 * (`?user=bob&pass=…`). Alone each is ordinary: `?code=404`, `?p=2`, `?pass=true`.
 */
export function pairedSecretParameters(names: readonly string[]): ReadonlySet<string> {
  let out: Set<string> | undefined;
  if (!names.some(pairableName)) return none;
  const has = (set: ReadonlySet<string>) => names.some((n) => set.has(n.toLowerCase()));
  for (const name of names) {
    const lower = name.toLowerCase();
    const paired =
      (lower === 'code' && has(codePartners)) ||
      (assertionNames.has(lower) && has(assertionPartners)) ||
      (passNames.has(lower) && has(userNames));
    if (!paired) continue;
    out ??= new Set();
    out.add(name);
  }
  return out ?? none;
}

/**
 * Whether a parameter of this name can be secret beside another (`code`, `assertion`, `pass`…): a
 * query none of whose names can is not read for partners (most are not: `q`, `page`, `lang`).
 */
export function pairableName(name: string): boolean {
  if (!pairableLengths.has(name.length)) return false;
  const lower = name.toLowerCase();
  return lower === 'code' || assertionNames.has(lower) || passNames.has(lower);
}

/** The parameter names of a raw query or form body (`a=1&b&c=2` → `a`, `b`, `c`), as written. */
export function parameterNames(query: string): string[] {
  return query.split(/[&;]/).map((part) => {
    const eq = part.indexOf('=');
    return eq === -1 ? part : part.slice(0, eq);
  });
}

const none: ReadonlySet<string> = new Set();
const codePartners: ReadonlySet<string> = new Set(['state', 'session_state', 'redirect_uri', 'grant_type', 'code_verifier']);
const assertionNames: ReadonlySet<string> = new Set(['assertion', 'client_assertion', 'samlresponse', 'saml_response']);
const assertionPartners: ReadonlySet<string> = new Set(['grant_type', 'client_assertion_type', 'relaystate']);
const passNames: ReadonlySet<string> = new Set(['pass', 'pw', 'p']);
const userNames: ReadonlySet<string> = new Set(['user', 'username', 'user_name', 'login', 'u', 'usr', 'email']);
/** The lengths of the names that can pair: most names are not asked further. */
const pairableLengths: ReadonlySet<number> = new Set(['code', ...assertionNames, ...passNames].map((n) => n.length));
