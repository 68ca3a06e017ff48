/**
 * Trust audit 7's seeder, on audit 5's and 6's traffic and paths (`seeded-traffic.ts`): what audit 6
 * left (`pass_word = …`, `api = { key = "…" }`, PowerShell's `Set-Item env:…` and `$env:… = …`,
 * `dotnet user-secrets set "A:B" …`, base64 of `user:password` under 24 characters, an AWS secret
 * key that reads as words with no key id in the text) and what a team pastes next: GitHub Actions
 * `env:` / `secrets:` blocks, Helm values and `--set`, docker-compose `environment:` lists, `gh
 * secret set`, `vault kv put`, `aws configure set`, `az … --password`, `heroku config:set`, `fly
 * secrets set`, `firebase functions:config:set`, JDBC URLs (MySQL, SQL Server, Oracle), ODBC
 * strings, Redis `AUTH`, `mysql -p…`, basic auth in URLs, a JWT, a Google API key, OpenAI and
 * Anthropic keys — split across the 3-character deltas of OpenAI chat, Responses and Anthropic
 * streams and sent down every recording path. No secret, in any obvious spelling, may reach the
 * SQLite file, its WAL, the log, the API or the export; the ids, hashes, hosts and prose beside
 * them must survive.
 */
import { describe, it } from 'vitest';
import { recordingPathsFixture } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';

const redactionKey = 'secret-audit7-test-key-0123456789';
const adminToken = 'secret-audit7-admin-token-0123456789';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Each distinct, so a leak names its shape. */
const secrets = {
  passWord: 'A7SeedPassWord-701',
  nestedKey: 'A7SeedNestedKey-702',
  tomlKey: 'A7SeedTomlKey-703',
  setItem: 'A7SeedSetItem-704',
  psEnv: 'A7SeedPsEnv-705',
  dotnet: 'A7SeedDotnet-706',
  shortBase64: b64('ci:A7sb706'),
  shortBase64Unpadded: b64('bot:A7ub77').replace(/=+$/, ''),
  awsWords: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYA7SEEDKEY',
  actionsEnv: 'A7SeedActionsEnv-707',
  actionsSecret: 'A7SeedActionsSecret-708',
  helmValues: 'A7SeedHelmValues-709',
  helmSet: 'A7SeedHelmSet-710',
  compose: 'A7SeedCompose-711',
  composeQuoted: 'A7SeedComposeQ-712',
  ghSecret: 'A7SeedGhSecret-713',
  ghPiped: 'A7SeedGhPiped-714',
  vault: 'A7SeedVault-715',
  awsConfigure: 'A7SeedAwsCfg0123456789abcdefGHIJKLmnopq',
  azPassword: 'A7SeedAzPassword-716',
  heroku: 'A7SeedHeroku-717',
  fly: 'A7SeedFly-718',
  firebase: 'A7SeedFirebase-719',
  jdbcMysql: 'A7SeedJdbcMysql-720',
  jdbcSqlServer: 'A7SeedJdbcMssql-721',
  jdbcOracle: 'A7SeedJdbcOracle-722',
  odbc: 'A7SeedOdbc-723',
  redisAuth: 'A7SeedRedisAuth-724',
  mysqlP: 'A7SeedMysqlP-725',
  basicUrl: 'A7SeedBasicUrl-726',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhN3NlZWQifQ.A7SeedJwtSignatureAbCdEfGhIjKlMn',
  google: 'AIzaSyA7SeedGoogleKey0123456789abcdefgh',
  openai: 'sk-proj-A7SeedOpenAiKey0123456789abcdefABCDEFghij',
  anthropic: 'sk-ant-api03-A7SeedAnthropicKey0123456789abcdefABCDEF-gh',
  toolNested: 'A7SeedToolNested-727',
  headerKey: 'A7SeedHeaderKey-0123456789',
  queryKey: 'A7SeedQueryKey-0123456789',
  bearer: 'A7SeedBearer9xQ2mL7vT4kP8',
} as const;

/** Ordinary ids, hashes, hosts and prose beside the secrets: none is a secret, each must be stored as written. */
const ordinary = [
  'ORD-2024-77130',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  'https://docs.example.com/runbooks/2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  'commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  'Click the password reset link we emailed you.',
  'db.internal.example.com:3306',
  'redis-17.internal',
] as const;

/** What the traffic says: every shape on a line of its own, as a person pastes it into a chat. */
const spelled = [
  'Staging is down again; here is what we have:',
  `pass_word = ${secrets.passWord}`,
  `api = { key = "${secrets.nestedKey}" }`,
  `[api]\nkey = "${secrets.tomlKey}"`,
  `Set-Item env:DB_PASSWORD "${secrets.setItem}"`,
  `$env:API_TOKEN = "${secrets.psEnv}"`,
  `dotnet user-secrets set "Api:Key" "${secrets.dotnet}"`,
  `registry ${secrets.shortBase64} and ${secrets.shortBase64Unpadded}`,
  `the other one is ${secrets.awsWords}`,
  `jobs:\n  deploy:\n    env:\n      DB_PASSWORD: ${secrets.actionsEnv}\n      NODE_ENV: production`,
  `secrets:\n  API_KEY: ${secrets.actionsSecret}`,
  `postgresql:\n  auth:\n    username: app\n    password: "${secrets.helmValues}"`,
  `helm upgrade shop ./chart --set auth.postgresPassword=${secrets.helmSet} --set replicas=2`,
  `environment:\n  - POSTGRES_USER=app\n  - POSTGRES_PASSWORD=${secrets.compose}\n  - "MYSQL_ROOT_PASSWORD=${secrets.composeQuoted}"`,
  `gh secret set DEPLOY_TOKEN --body "${secrets.ghSecret}"`,
  `echo -n '${secrets.ghPiped}' | gh secret set NPM_TOKEN`,
  `vault kv put secret/shop/db password=${secrets.vault} user=app`,
  `aws configure set aws_secret_access_key ${secrets.awsConfigure}`,
  `az sql server create -n shop -g rg -u dbadmin --admin-password ${secrets.azPassword}`,
  `heroku config:set DATABASE_PASSWORD=${secrets.heroku} -a shop`,
  `fly secrets set SESSION_SECRET=${secrets.fly}`,
  `firebase functions:config:set stripe.secret="${secrets.firebase}"`,
  `jdbc:mysql://${ordinary[5]}/shop?user=app&password=${secrets.jdbcMysql}`,
  `jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=${secrets.jdbcSqlServer};encrypt=true`,
  `jdbc:oracle:thin:app/${secrets.jdbcOracle}@db:1521/ORCL`,
  `Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Uid=sa;Pwd=${secrets.odbc};Encrypt=yes;`,
  `${ordinary[6]}:6379> AUTH ${secrets.redisAuth}`,
  `mysql -u root -p${secrets.mysqlP} shop`,
  `git clone https://deploy:${secrets.basicUrl}@git.example.com/shop.git`,
  `Authorization header was ${secrets.jwt}`,
  `maps ${secrets.google}`,
  `OPENAI ${secrets.openai}`,
  `anthropic ${secrets.anthropic}`,
  `${ordinary[0]} shipped; request ${ordinary[1]}; see ${ordinary[2]} (${ordinary[3]}). ${ordinary[4]}`,
].join('\n');

/** A tool call's arguments: a key nested under a name, as a config tool writes it. */
const toolArguments = JSON.stringify({ cmd: 'configure', hcl: `api = { key = "${secrets.toolNested}" }` });

const traffic: SeededTraffic = { tag: 'a7', spelled, toolArguments };
const paths = recordingPathsFixture({ upstreamApp: seededUpstream(traffic), redactionKey, seed: 17 });

describe('trust audit 7 seeder (every path, real SDK clients)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the log, the API or an export; ordinary ids, hosts and prose survive', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'gh secret set DEPLOY_TOKEN --body',
      survivors: [...ordinary, 'POSTGRES_USER=app', 'NODE_ENV: production', 'dotnet user-secrets set'],
    });
  });
});
