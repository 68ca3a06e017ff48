import { describe, expect, it } from 'vitest';
import { storedText } from './stored-text.js';

/**
 * Trust audit 6's probe (2026-12-03): the shapes a team pastes into a chat — `.pgpass` lines,
 * fallbacks, YAML, env files, `docker run -e`, `kubectl --from-literal`, curl, Terraform, Java
 * properties, INI, TOML, PowerShell, Python, Ruby, Go, Rust, vendors' tokens, service-account JSON,
 * OpenSSH, age and PGP keys, other languages' labels, URL-encoded values — each through the one
 * redactor as a plain-text body and inside a chat request's JSON string; and the ordinary text
 * beside them (ids, hashes, hosts, headings, `pass` as a verb) that must stay as written.
 */
const at = storedText('trust-audit6-shapes-key-0123456789');
/** `\u0024` in the cases is `$` (Biome reads `${` in a plain string as a template written by mistake). */
const B = (s: string) => Buffer.from(s).toString('base64');

/** `[text, the secret it holds]`. */
const cases: readonly (readonly [string, string])[] = [
  ['db.example.com:5432:shop:app:S6PgPass-771', 'S6PgPass-771'],
  ['*:*:*:postgres:S6PgStar-772', 'S6PgStar-772'],
  ['const pw = process.env.DB_PASSWORD ?? "S6Fallback-773";', 'S6Fallback-773'],
  ['password: process.env.DB_PASSWORD ?? "S6Fallback-774",', 'S6Fallback-774'],
  ['db:\n  user: app\n  pass: S6YamlPass-775\n', 'S6YamlPass-775'],
  ['{"creds": {"u": "bob", "p": "S6MemberP-776"}}', 'S6MemberP-776'],
  ['aws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY'],
  ['AKIAIOSFODNN7EXAMPLE, the secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  [`creds: ${B('deploy:S6NoPad-7781').replace(/=+$/, '')}`, B('deploy:S6NoPad-7781').replace(/=+$/, '')],
  [`creds: ${B('deploy:SixNoDigitPw')}`, B('deploy:SixNoDigitPw')],
  [`creds: ${B('deploy:SixNoDigitPwx').replace(/=+$/, '')}`, B('deploy:SixNoDigitPwx').replace(/=+$/, '')],
  [
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAs6OneLinePemBodyAbCdEfGhIjKlMn\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEAs6OneLinePemBodyAbCdEfGhIjKlMn',
  ],
  [
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC6s6One\n-----END PRIVATE KEY-----',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC6s6One',
  ],
  [
    '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIs6EcKeyOneLine0123456789abcdefABCDEF==\n-----END EC PRIVATE KEY-----',
    'MHcCAQEEIs6EcKeyOneLine0123456789abcdefABCDEF',
  ],
  [
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBs6OpenSshKeyBodyLineTwoAbCdEfGhIjKlMnOpQrStUvWxYz0123\n-----END OPENSSH PRIVATE KEY-----',
    'QyNTUxOQAAACBs6OpenSshKeyBodyLineTwoAbCdEfGhIjKlMnOpQrStUvWxYz0123',
  ],
  [
    'AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQ0S6AGE',
    'AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQ0S6AGE',
  ],
  [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGS6PgpBodyLineAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef\n=s6Pg\n-----END PGP PRIVATE KEY BLOCK-----',
    'lQOYBGS6PgpBodyLineAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef',
  ],
  ['export DB_PASSWORD="S6EnvExport-778"', 'S6EnvExport-778'],
  ["export API_TOKEN='S6EnvQuote-779'", 'S6EnvQuote-779'],
  ['SECRET_KEY=S6EnvPlain-780', 'S6EnvPlain-780'],
  ['docker run -e POSTGRES_PASSWORD=S6Docker-781 -d postgres', 'S6Docker-781'],
  ['docker run --env "DB_PASS=S6Docker-782" app', 'S6Docker-782'],
  ['kubectl create secret generic db --from-literal=password=S6Kube-783', 'S6Kube-783'],
  ['kubectl create secret generic api --from-literal=API_KEY=S6Kube-784 --from-literal=user=bob', 'S6Kube-784'],
  ['curl -u admin:S6CurlU-785 https://api.example.com', 'S6CurlU-785'],
  ['curl --user admin:S6CurlU-786 https://api.example.com', 'S6CurlU-786'],
  ["curl -H 'Authorization: Bearer S6CurlBearer787abc' https://x", 'S6CurlBearer787abc'],
  ["curl -H 'Authorization: token S6CurlTok788abcdef' https://x", 'S6CurlTok788abcdef'],
  ["curl -H 'X-API-Key: S6CurlKey789abcdef' https://x", 'S6CurlKey789abcdef'],
  ['resource "aws_db_instance" "db" {\n  password = "S6Tf-790"\n}', 'S6Tf-790'],
  ['variable "db_password" {\n  default = "S6TfVar-791"\n}', 'S6TfVar-791'],
  ['spring.datasource.password=S6JavaProps-792', 'S6JavaProps-792'],
  ['db.password = S6JavaProps-793', 'S6JavaProps-793'],
  ['[database]\npassword = S6Ini-794', 'S6Ini-794'],
  ['[database]\npassword = "S6Toml-795"', 'S6Toml-795'],
  ["[api]\ntoken = 'S6Toml-796'", 'S6Toml-796'],
  ['$sec = ConvertTo-SecureString -String "S6Ps-797" -AsPlainText -Force', 'S6Ps-797'],
  ['$sec = ConvertTo-SecureString "S6Ps-798" -AsPlainText -Force', 'S6Ps-798'],
  ['DB_PASSWORD = "S6Py-799"', 'S6Py-799'],
  ['password = os.environ.get("DB_PASSWORD", "S6Py-800")', 'S6Py-800'],
  ['conn = psycopg2.connect(host="db", user="app", password="S6Py-801")', 'S6Py-801'],
  ["ENV['API_KEY'] ||= 'S6Rb-802'", 'S6Rb-802'],
  ["config.api_key = 'S6Rb-803'", 'S6Rb-803'],
  ['password: "S6Rb-804",', 'S6Rb-804'],
  ['const apiKey = "S6Go-805"', 'S6Go-805'],
  ['var dbPassword = "S6Go-806"', 'S6Go-806'],
  ['let api_key = "S6Rs-807";', 'S6Rs-807'],
  ['const DB_PASSWORD: &str = "S6Rs-808";', 'S6Rs-808'],
  ['static SECRET: &str = "S6Rs-809";', 'S6Rs-809'],
  ['ghp_S6GithubTok0123456789abcdefABCDEFgh1234', 'ghp_S6GithubTok0123456789abcdefABCDEFgh1234'],
  [
    'github_pat_11AS6GHPAT0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
    'github_pat_11AS6GHPAT0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
  ],
  ['glpat-S6GitLabTok012345678', 'glpat-S6GitLabTok012345678'],
  ['xoxb-1234567890-1234567890123-S6SlackBotTokAbCdEf', 'xoxb-1234567890-1234567890123-S6SlackBotTokAbCdEf'],
  ['https://hooks.slack.com/services/T0S6ABCDE/B0S6FGHIJ/S6SlackHookAbCdEfGhIjKlMn', 'S6SlackHookAbCdEfGhIjKlMn'],
  ['sk_live_S6StripeKey0123456789abcdefABCD', 'sk_live_S6StripeKey0123456789abcdefABCD'],
  ['rk_live_S6StripeRk0123456789abcdefABCD', 'rk_live_S6StripeRk0123456789abcdefABCD'],
  ['whsec_S6StripeWhsec0123456789abcdefABCD', 'whsec_S6StripeWhsec0123456789abcdefABCD'],
  ['TWILIO_AUTH_TOKEN=s6a1b2c3d4e5f60718293a4b5c6d7e8f', 's6a1b2c3d4e5f60718293a4b5c6d7e8f'],
  ['account SID AC0123456789abcdef0123456789abcdef auth token 9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
  ['SK0123456789abcdef0123456789abcdef', 'SK0123456789abcdef0123456789abcdef'],
  ['SG.S6SendGridAbCdEfGhIjKl.S6SendGridSecretPartAbCdEfGhIjKlMnOpQrStUv', 'S6SendGridSecretPartAbCdEfGhIjKlMnOpQrStUv'],
  ['//registry.npmjs.org/:_authToken=npm_S6NpmTok0123456789abcdefABCDEFghij', 'npm_S6NpmTok0123456789abcdefABCDEFghij'],
  ['npm_S6NpmTok0123456789abcdefABCDEFghik', 'npm_S6NpmTok0123456789abcdefABCDEFghik'],
  [
    'pypi-AgEIcHlwaS5vcmcCJGS6PyPiTokAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    'pypi-AgEIcHlwaS5vcmcCJGS6PyPiTokAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  ],
  [
    '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcS6PyPiTwo0123456789abcdefABCDEF',
    'pypi-AgEIcHlwaS5vcmcS6PyPiTwo0123456789abcdefABCDEF',
  ],
  [
    '{"type": "service_account", "project_id": "p", "private_key_id": "s6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0S6GcpSaKey\\n-----END PRIVATE KEY-----\\n", "client_email": "x@p.iam.gserviceaccount.com"}',
    'MIIEvQIBADANBgkqhkiG9w0S6GcpSaKey',
  ],
  ['{"type": "service_account", "private_key_id": "s6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d"}', 's6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d'],
  [
    '{"clientId": "11111111-2222-3333-4444-555555555555", "clientSecret": "S6AzureSecret~abc.def_ghi-123", "tenantId": "t"}',
    'S6AzureSecret~abc.def_ghi-123',
  ],
  ['AZURE_CLIENT_SECRET=S6Az8Q~abcdefGHIJKLmnopQRSTuvwxYZ012345', 'S6Az8Q~abcdefGHIJKLmnopQRSTuvwxYZ012345'],
  ['az login --service-principal -u http://app -p S6AzCli-810 --tenant t', 'S6AzCli-810'],
  ['contraseña: S6Es-811', 'S6Es-811'],
  ['La contraseña es S6Es-812', 'S6Es-812'],
  ['mot de passe : S6Fr-813', 'S6Fr-813'],
  ['le mot de passe est S6Fr-814', 'S6Fr-814'],
  ['Passwort: S6De-815', 'S6De-815'],
  ['Das Passwort lautet S6De-816', 'S6De-816'],
  ['パスワード：S6Ja-817', 'S6Ja-817'],
  ['パスワードは S6Ja-818 です', 'S6Ja-818'],
  ['密码：S6Zh-819', 'S6Zh-819'],
  ['密码是S6Zh-820', 'S6Zh-820'],
  ['пароль: S6Ru-821', 'S6Ru-821'],
  ['Пароль — S6Ru-822', 'S6Ru-822'],
  ['senha: S6Pt-823', 'S6Pt-823'],
  ['password%3DS6UrlEnc-824', 'S6UrlEnc-824'],
  ['?password=S6Url%21Enc%40825', 'S6Url%21Enc%40825'],
  ['mongodb+srv://admin:S6Mongo-826@cluster0.abc.mongodb.net/db', 'S6Mongo-826'],
  ['PGPASSWORD=S6PgEnv-827 psql -h db', 'S6PgEnv-827'],
  ['heroku config:set API_KEY=S6Heroku-828', 'S6Heroku-828'],
  ['gh secret set TOKEN --body "S6GhSecret-829"', 'S6GhSecret-829'],
  ['vault kv put secret/db password=S6Vault-830', 'S6Vault-830'],
  ['aws configure set aws_secret_access_key S6AwsCfg0123456789abcdefGHIJKLmnopqr', 'S6AwsCfg0123456789abcdefGHIJKLmnopqr'],
  ['<password>S6Xml-831</password>', 'S6Xml-831'],
  ['"password": "S6Json-832"', 'S6Json-832'],
  ['auth:\n  token: S6YamlTok-833', 'S6YamlTok-833'],
  ['  passwd: S6Yaml-834', 'S6Yaml-834'],
  ['secret_key_base: S6RailsKeyBase0123456789abcdef', 'S6RailsKeyBase0123456789abcdef'],
  ['client_secret=S6Oauth-835&grant_type=client_credentials', 'S6Oauth-835'],
  [`Authorization: Basic ${B('bob:S6Basic-836')}`, B('bob:S6Basic-836')],
  ['net use Z: \\\\srv\\share S6NetUse-837 /user:bob', 'S6NetUse-837'],
  ['sqlcmd -S db -U sa -P S6Sqlcmd-838', 'S6Sqlcmd-838'],
  ['psql "postgresql://app:S6Psql-839@db/app"', 'S6Psql-839'],
  ['ldapsearch -x -D cn=admin -w S6Ldap-840', 'S6Ldap-840'],
  ['htpasswd -b .htpasswd bob S6Ht-841', 'S6Ht-841'],
  ['wget --password=S6Wget-842 https://x', 'S6Wget-842'],
  ['git config credential.helper; https://bob:S6Git-843@github.com', 'S6Git-843'],
  ['$env:DB_PASSWORD = "S6PsEnv-844"', 'S6PsEnv-844'],
  ['set DB_PASSWORD=S6Cmd-845', 'S6Cmd-845'],
  ['private const string ApiKey = "S6Cs-846";', 'S6Cs-846'],
  ['@Value("\u0024{db.password:S6Spring-847}")', 'S6Spring-847'],
  ['String password = System.getenv().getOrDefault("PW", "S6Java-848");', 'S6Java-848'],
  ['api_key = ENV.fetch("API_KEY", "S6Rb-849")', 'S6Rb-849'],
  ['const password = process.env.PW || "S6Js-851";', 'S6Js-851'],
  ['DB_PASSWORD=\u0024{DB_PASSWORD:-S6Sh-852}', 'S6Sh-852'],
];

/** Ordinary text that no rule may change. */
const ordinary: readonly string[] = [
  'Order ORD-2024-88412 shipped; request 123e4567-e89b-12d3-a456-426614174000',
  'see https://docs.example.com/guide/3f786850e387550fdab836ed7e6dc881de23001b',
  'fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b yesterday',
  'merged a1b2c3d into main',
  'connect to mongodb+srv://cluster0.abc.mongodb.net/db',
  'amqps://mq.internal:5671/vhost is the broker',
  'the pass: rate was 98%',
  'tests pass: 42, fail: 0',
  'host db.example.com port 5432 db shop',
  'time 12:30:45:678',
  'const x = a ?? "default";',
  'name ?? "anonymous"',
  'The password must be at least 12 characters.',
  'Passwort vergessen?',
  'Contraseña incorrecta',
  'the token expired at 10:00',
  'docker run -e NODE_ENV=production -d app',
  'kubectl create configmap cfg --from-literal=mode=fast',
  'curl -H "Content-Type: application/json" https://x',
  '{"p": 1, "q": 2}',
];

describe('trust audit 6: pasted shapes', () => {
  it('no secret is stored, as a plain-text body or in a JSON string', () => {
    const leaks = cases.flatMap(([text, secret]) => [
      ...(at.stored(text).includes(secret) ? [`text: ${text}`] : []),
      ...(at.storedJson(text).includes(JSON.stringify(secret).slice(1, -1)) ? [`json: ${text}`] : []),
    ]);
    expect(leaks).toEqual([]);
  });

  it('ordinary ids, hashes, hosts and prose are stored as written', () => {
    expect(ordinary.filter((text) => at.stored(text) !== text)).toEqual([]);
  });
});
