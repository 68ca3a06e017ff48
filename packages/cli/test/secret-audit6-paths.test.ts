/**
 * Trust audit 6's seeder, on audit 5's traffic and paths (`seeded-traffic.ts`): what audit 5 left
 * (a `.pgpass` line, a `??` fallback, YAML `pass:`, a member named `p`, an AWS secret key that
 * reads as words, unpadded base64 of `user:password`, a PEM key of one body line, the hosts of
 * mongodb+srv and amqps URLs lost as emails) and the shapes a team pastes: `.env` files with
 * `export` and quotes, `docker run -e`, `kubectl create secret --from-literal`, `curl -u` and
 * `-H 'Authorization: …'`, Terraform, Java properties, INI, TOML, PowerShell, Python, Ruby, Go and
 * Rust literals, vendors' tokens (GitHub, GitLab, Slack, Stripe, Twilio, SendGrid, npm, PyPI),
 * Azure and GCP service-account JSON, OpenSSH, age and PGP private keys, passwords labelled in six
 * other languages, a URL-encoded one — split across the deltas of OpenAI chat, Responses and
 * Anthropic streams and sent down every recording path. No secret, in any obvious spelling, may
 * reach the SQLite file, its WAL, the log, the API or the export; the ids, hashes and hosts beside
 * them must survive.
 */
import { describe, it } from 'vitest';
import { recordingPathsFixture } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';

const redactionKey = 'secret-audit6-test-key-0123456789';
const adminToken = 'secret-audit6-admin-token-0123456789';

/** Each distinct, so a leak names its shape. */
const secrets = {
  pgpass: 'A6SeedPgpass-601',
  fallback: 'A6SeedFallback-602',
  yamlPass: 'A6SeedYamlPass-603',
  memberP: 'A6SeedMemberP-604',
  awsWords: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYA6SEEDKEY',
  base64Unpadded: Buffer.from('deploy:A6SeedB64-605').toString('base64').replace(/=+$/, ''),
  pemOneLine: 'MIIEowIBAAKCAQEAa6SeedOneLinePemBodyAbCdEfGhIjKlMn',
  envExport: 'A6SeedEnvExport-606',
  envQuoted: 'A6SeedEnvQuoted-607',
  dockerEnv: 'A6SeedDockerEnv-608',
  kubectl: 'A6SeedKubectl-609',
  curlUser: 'A6SeedCurlUser-610',
  curlAuth: 'A6SeedCurlAuthHeader610x',
  terraform: 'A6SeedTerraform-611',
  terraformVar: 'A6SeedTfVariable-612',
  javaProps: 'A6SeedJavaProps-613',
  ini: 'A6SeedIni-614',
  toml: 'A6SeedToml-615',
  powershell: 'A6SeedPowerShell-616',
  python: 'A6SeedPython-617',
  ruby: 'A6SeedRuby-618',
  go: 'A6SeedGo-619',
  rust: 'A6SeedRust-620',
  github: 'ghp_A6SeedGithubTok0123456789abcdefABCDEF',
  gitlab: 'glpat-A6SeedGitLab0123456',
  slack: 'xoxb-1234567890-1234567890123-A6SeedSlackBotAbCdEf',
  stripe: 'sk_live_A6SeedStripe0123456789abcdefAB',
  twilio: 'a6f1b2c3d4e5f60718293a4b5c6d7e8f',
  sendgrid: 'A6SeedSendGridSecretAbCdEfGhIjKlMnOpQrStUvW',
  npm: 'npm_A6SeedNpmToken0123456789abcdefABCDEF',
  pypi: 'pypi-AgEIcHlwaS5vcmcCJGA6SeedPyPiTokAbCdEfGhIjKlMnOpQr0123',
  azureSecret: 'A6Az8Q~SeedAzureClientSecret-abc.defGHI',
  gcpKeyId: 'a6e1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d',
  gcpKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCA6SeedGcpServiceAccount',
  openssh: 'QyNTUxOQAAACBA6SeedOpenSshBodyLineAbCdEfGhIjKlMnOpQrStUvWxYz01',
  age: 'AGE-SECRET-KEY-1A6SEEDQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQ0',
  pgp: 'lQOYBGA6SeedPgpBodyLineAbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab',
  spanish: 'A6SeedContrasena-621',
  french: 'A6SeedMotDePasse-622',
  german: 'A6SeedPasswort-623',
  japanese: 'A6SeedPasuwado-624',
  chinese: 'A6SeedMima-625',
  russian: 'A6SeedParol-626',
  urlEncoded: 'A6Seed@Url!enc#627',
  mongo: 'A6SeedMongo-628',
  amqp: 'A6SeedAmqp-629',
  toolP: 'A6SeedToolP-630',
  headerKey: 'A6SeedHeaderKey-0123456789',
  queryKey: 'A6SeedQueryKey-0123456789',
  bearer: 'A6SeedBearer9xQ2mL7vT4kP8',
} as const;

/** Ordinary ids, hashes and hosts beside the secrets: none is a secret, each must be stored as written. */
const ordinary = [
  'ORD-2024-77120',
  '5f0c6b1e-8a3d-4c2b-9e7f-1a2b3c4d5e6f',
  'https://docs.example.com/guide/9c1185a5c5e9fc54612808977ee8f548b2258d31',
  'commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  'cluster0.abc.mongodb.net',
  'mq.internal:5671',
] as const;

const pemOneLine = `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pemOneLine}\n-----END RSA PRIVATE KEY-----`;
const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${secrets.openssh}\n-----END OPENSSH PRIVATE KEY-----`;
const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${secrets.pgp}\n=a6Sd\n-----END PGP PRIVATE KEY BLOCK-----`;
const gcp = JSON.stringify({
  type: 'service_account',
  project_id: 'shop-prod',
  private_key_id: secrets.gcpKeyId,
  private_key: `-----BEGIN PRIVATE KEY-----\n${secrets.gcpKeyBody}\n-----END PRIVATE KEY-----\n`,
  client_email: 'deployer@shop-prod.iam.gserviceaccount.com',
});
const azure = JSON.stringify({ clientId: '0f8fad5b-d9cb-469f-a165-70867728950e', clientSecret: secrets.azureSecret, tenantId: 'contoso' });

/** What the traffic says: every shape on a line of its own, as a person pastes it into a chat. */
const spelled = [
  'Our deploy broke again; everything I have:',
  `db.internal.example.com:5432:shop:app:${secrets.pgpass}`,
  `const dbPassword = process.env.DB_PASSWORD ?? "${secrets.fallback}";`,
  `database:\n  user: app\n  pass: ${secrets.yamlPass}`,
  `AWS_ACCESS_KEY_ID is AKIAA6SEEDQ7XW2LMN4P and the other one ${secrets.awsWords}`,
  `registry auth ${secrets.base64Unpadded}`,
  pemOneLine,
  `export DB_PASSWORD=${secrets.envExport}`,
  `export API_TOKEN="${secrets.envQuoted}"`,
  `docker run -e POSTGRES_PASSWORD=${secrets.dockerEnv} -d postgres:16`,
  `kubectl create secret generic db --from-literal=password=${secrets.kubectl}`,
  `curl -u admin:${secrets.curlUser} https://api.example.com/v2/items`,
  `curl -H 'Authorization: Bearer ${secrets.curlAuth}' https://api.example.com`,
  `resource "aws_db_instance" "main" {\n  password = "${secrets.terraform}"\n}`,
  `variable "db_password" {\n  default = "${secrets.terraformVar}"\n}`,
  `spring.datasource.password=${secrets.javaProps}`,
  `[database]\npassword = ${secrets.ini}`,
  `[api]\ntoken = "${secrets.toml}"`,
  `$cred = ConvertTo-SecureString -String "${secrets.powershell}" -AsPlainText -Force`,
  `conn = psycopg2.connect(host="db", user="app", password="${secrets.python}")`,
  `config.api_key = '${secrets.ruby}'`,
  `var dbPassword = "${secrets.go}"`,
  `const DB_PASSWORD: &str = "${secrets.rust}";`,
  `GITHUB_TOKEN ${secrets.github}`,
  `gitlab ${secrets.gitlab}`,
  `slack bot ${secrets.slack}`,
  `stripe ${secrets.stripe}`,
  `TWILIO_AUTH_TOKEN=${secrets.twilio}`,
  `SG.A6SeedSendGridId.${secrets.sendgrid}`,
  `//registry.npmjs.org/:_authToken=${secrets.npm}`,
  `[pypi]\nusername = __token__\npassword = ${secrets.pypi}`,
  `azure.json: ${azure}`,
  `gcp.json: ${gcp}`,
  openssh,
  secrets.age,
  pgp,
  `contraseña: ${secrets.spanish}`,
  `le mot de passe est ${secrets.french}`,
  `Das Passwort lautet ${secrets.german}`,
  `パスワード：${secrets.japanese}`,
  `密码是${secrets.chinese}`,
  `пароль: ${secrets.russian}`,
  `login?user=bob&password=${encodeURIComponent(secrets.urlEncoded)}`,
  `mongodb+srv://admin:${secrets.mongo}@${ordinary[4]}/shop?retryWrites=true`,
  `amqps://guest:${secrets.amqp}@${ordinary[5]}/vhost`,
  `${ordinary[0]} shipped; request ${ordinary[1]}; see ${ordinary[2]} (${ordinary[3]})`,
].join('\n');

/** A tool call's arguments: a user and password pair in members named `u` and `p`. */
const toolArguments = JSON.stringify({
  cmd: 'login',
  creds: { u: 'bob', p: secrets.toolP },
  fallback: { user: 'app', p: secrets.memberP },
});

const traffic: SeededTraffic = { tag: 'a6', spelled, toolArguments };
const paths = recordingPathsFixture({ upstreamApp: seededUpstream(traffic), redactionKey, seed: 16 });

describe('trust audit 6 seeder (every path, real SDK clients)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the log, the API or an export; ordinary ids and hosts survive', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'docker run -e POSTGRES_PASSWORD=',
      survivors: [...ordinary, 'spring.datasource.password=', 'TWILIO_AUTH_TOKEN=', 'export API_TOKEN='],
    });
  });
});
