/**
 * Header names that carry a credential though no word of theirs is a secret word a JSON member
 * or a query parameter would be read by (`isSecretName`): what is sent as a header is what the
 * receiver authenticates or keeps a session by, so a few more words count there (trust audit 9).
 *
 * - a session's or a sign-in's word: `x-sid`, `x-authentication`, `x-authn-…`, `x-amzn-oidc-data`
 *   (ALB's signed claims), `x-saml-assertion`, `x-sso-…`; and a request's signature by its verb
 *   (`cb-access-sign`, `kc-api-sign`), which replays the request it signs;
 * - a secret word run together with the words before it, as servers write headers
 *   (`x-amzn-oidc-accesstoken`, `csrfpreventiontoken`, `x-pvesessionid`), which in a JSON member
 *   (`maxtoken`?) is too often about a secret to be one;
 * - vendors' headers whose name says neither (Honeycomb's team key, JFrog's `X-JFrog-Art-Api`).
 *
 * Not secret-bearing by this rule: a file name (`content-disposition`), a request or trace id
 * (`x-request-id`, `x-amzn-trace-id`), a count about a secret (`x-session-count`: `isSecretName`'s
 * "about" heads). `x-csrf-token` and `x-xsrf-token` are redacted already by their `token` word, and
 * rightly: with the session cookie beside it a CSRF token lets whoever reads it forge requests.
 */
export function headerOnlySecret(lowerName: string): boolean {
  const known = verdicts.get(lowerName);
  if (known !== undefined) return known;
  const secret = vendorHeaders.has(lowerName) || secretWordOfHeader(lowerName);
  // Every exchange sends the same few names: a bounded number of verdicts is remembered.
  if (verdicts.size >= maxVerdicts) verdicts.clear();
  if (lowerName.length <= 64) verdicts.set(lowerName, secret);
  return secret;
}

const verdicts = new Map<string, boolean>();
const maxVerdicts = 1024;

function secretWordOfHeader(lowerName: string): boolean {
  const words = lowerName.split(/[-_.]/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (sessionWords.has(word) && !aboutWords.has(words[words.length - 1] as string)) return true;
    if (word === 'sign' && i === words.length - 1 && i > 0) return true;
    if (runTogether.test(word)) return true;
  }
  return false;
}

const sessionWords: ReadonlySet<string> = new Set(['sid', 'authentication', 'authn', 'oidc', 'saml', 'sso']);
/** A name whose last word says what kind or how many (`x-sso-enabled`, `x-oidc-provider`): not the credential. */
const aboutWords: ReadonlySet<string> = new Set([
  'count',
  'type',
  'provider',
  'enabled',
  'required',
  'method',
  'mode',
  'scheme',
  'issuer',
  'url',
]);
/** A secret word after other letters in one word: `accesstoken`, `idtoken`, `pvesessionid`, `authsecret`. */
const runTogether = /^[a-z]{2,}(?:token|secret|password|passwd|apikey|sessionid|sessiontoken)$/;
const vendorHeaders: ReadonlySet<string> = new Set(['x-honeycomb-team', 'x-jfrog-art-api']);
