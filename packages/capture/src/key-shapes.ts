import { secretStart as start } from './secret-start.js';
import type { TextPattern } from './text-patterns.js';
import { dsnPasswords, urlPasswords } from './url-password.js';
import { slackHookKinds } from './webhook-path.js';

/**
 * Prefixes vendors put on their credentials so that scanners can find them: Hugging Face, GitLab,
 * npm, Stripe webhooks, DigitalOcean, Shopify, xAI, Groq, Replicate, Perplexity, Google OAuth,
 * Slack apps, Linear, Square, NVIDIA, Fireworks, Tavily, Pinecone, Notion, Sentry, Docker Hub,
 * Figma, Grafana, Brevo, PyPI, RubyGems, HashiCorp Vault, Atlassian, JFrog, Databricks, HubSpot,
 * OpenRouter, LangSmith, Supabase, Postman. The rest of a key is 16 or more key characters with a digit among them, so prose
 * and identifiers that merely begin the same way (`npm_install_steps`) stay.
 */
export const vendorPrefixes = [
  'hf_',
  'glpat-',
  'gldt-',
  'glptt-',
  'glrt-',
  'glcbt-',
  'glsoat-',
  'npm_',
  'whsec_',
  'dop_v1_',
  'doo_v1_',
  'dor_v1_',
  'shpat_',
  'shpss_',
  'shpca_',
  'shppa_',
  'xai-',
  'gsk_',
  'r8_',
  'pplx-',
  'ya29.',
  'xapp-',
  'lin_api_',
  'lin_oauth_',
  'sq0atp-',
  'sq0csp-',
  'nvapi-',
  'fw_',
  'tvly-',
  'pcsk_',
  'ntn_',
  'sntrys_',
  'sntryu_',
  'dckr_pat_',
  'figd_',
  'glc_',
  'xkeysib-',
  'pypi-',
  'rubygems_',
  'hvs.',
  'hvb.',
  'ATATT',
  'AKCp',
  'dapi',
  'pat-na1-',
  'pat-eu1-',
  'sk-or-v1-',
  // Trust audit 9: LangSmith, Supabase, Postman (hex bodies the unlabelled rule leaves).
  'lsv2_pt_',
  'lsv2_sk_',
  'sbp_',
  'PMAK-',
  // age's private key (bech32, upper case): `AGE-SECRET-KEY-1…` (trust audit 6).
  'AGE-SECRET-KEY-1',
] as const;
const vendorPrefix = `(?:${vendorPrefixes.map((p) => p.replaceAll('.', '\\.')).join('|')})`;

/** The part after the prefix has a digit: random keys do, words rarely. */
const withDigit = (match: string): readonly [number, number] | undefined => (/\d/.test(match) ? [0, match.length] : undefined);

/**
 * From `at` in a match, past the first occurrence of `mark`: the rest of the match is the
 * secret (a webhook's token after its ids, a password after `user:`).
 */
const after =
  (mark: RegExp) =>
  (match: string): readonly [number, number] | undefined => {
    const m = mark.exec(match);
    return m === null || m.index + m[0].length >= match.length ? undefined : [m.index + m[0].length, match.length];
  };

/** `Basic …` whose base64 decodes to `user:password` in printable ASCII: the base64. */
function basicCredentials(match: string): readonly [number, number] | undefined {
  const from = match.search(/\s/) + 1;
  const b64 = match.slice(from).replace(/^\s+/, '');
  const decoded = Buffer.from(b64, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded) ? [match.length - b64.length, match.length] : undefined;
}

const atlas = /(?<![A-Za-z0-9])[A-Za-z0-9]{10,24}\.atlasv1\.[A-Za-z0-9_-]{40,512}/g;

/** `….atlasv1.…` tokens, whole: their mark stands inside them, so no lead at their start finds them. */
function atlasTokens(text: string): [number, number][] {
  if (!text.includes('.atlasv1.')) return [];
  atlas.lastIndex = 0;
  return [...text.matchAll(atlas)].map((m) => [m.index, m.index + m[0].length]);
}

/** Shapes of credentials besides the common ones in `builtinPatterns`. */
export const keyShapes: readonly TextPattern[] = [
  {
    name: 'api_key',
    regex: new RegExp(`${start}${vendorPrefix}[A-Za-z0-9_-]{16,512}`, 'g'),
    accept: withDigit,
    // A lead, not hints: 47 more hints would make the one pass over every pattern's hints,
    // which every text takes, 5x slower (0.35 -> 1.7 µs on a 271 B reply). Looked for in long
    // runs only: over a whole 2 KB reply the lead alone costs ~3 µs.
    lead: new RegExp(vendorPrefix, 'g'),
    keyRun: Math.min(...vendorPrefixes.map((p) => p.length)) + 16,
  },
  // SendGrid: two dotted parts after `SG.`.
  { name: 'api_key', regex: new RegExp(`${start}SG\\.[A-Za-z0-9_-]{16,128}\\.[A-Za-z0-9_-]{16,128}`, 'g'), lead: /SG\./g, keyRun: 36 },
  // Twilio API key (`SK…`) and account SID (`AC…`), Mailgun (`key-…`): 32 hex digits.
  {
    name: 'api_key',
    regex: new RegExp(`${start}(?:SK|AC|key-)[0-9a-f]{32}(?![A-Za-z0-9])`, 'g'),
    lead: /(?:SK|AC|key-)[0-9a-f]{32}/g,
    keyRun: 34,
  },
  // Terraform Cloud / Enterprise tokens: an id (14 characters), `.atlasv1.`, the secret (trust audit 9).
  { name: 'api_key', find: atlasTokens, hints: ['.atlasv1.'] },
  // Telegram bot tokens: the bot's id, a colon, `AA` and the secret.
  { name: 'api_key', regex: /(?<![\d:])\d{6,12}:AA[A-Za-z0-9_-]{30,64}/g, accept: after(/:/), hints: [':AA'] },
  // Webhook URLs whose path is the credential.
  {
    name: 'webhook',
    regex: new RegExp(String.raw`hooks\.slack\.com/${slackHookKinds}/[A-Za-z0-9_-]{4,64}/[A-Za-z0-9/_-]{8,256}`, 'g'),
    accept: after(/^hooks\.slack\.com\/\w+\/[A-Za-z0-9_-]+\//),
    hints: ['hooks.slack.com'],
  },
  {
    name: 'webhook',
    regex: /discord(?:app)?\.com\/api\/webhooks\/\d{5,32}\/[A-Za-z0-9_-]{16,256}/g,
    accept: after(/\/\d+\//),
    hints: ['/api/webhooks/'],
  },
  { name: 'url_password', find: urlPasswords },
  { name: 'url_password', find: dsnPasswords },
  {
    name: 'basic',
    regex: new RegExp(`${start}Basic\\s+[A-Za-z0-9+/]{8,1024}={0,2}(?![A-Za-z0-9+/=])`, 'gi'),
    accept: basicCredentials,
    lead: /basic\s/gi,
  },
  // `curl -u user:password`, `--user=user:password`: the password (quoted too, JSON-escaped: `-u \"bob:…\"`).
  {
    name: 'url_password',
    regex: /(?<![^\s"'n])(?:-u|--user)(?:[ \t]+|=)(?:\\?['"])?[^\s:'"\\]{1,128}:[^\s'"\\]{1,256}/g,
    accept: after(/^(?:-u|--user)(?:[ \t]+|=)(?:\\?['"])?[^\s:'"\\]+:/),
    hints: ['-u'],
  },
];
