import { describe, expect, it } from 'vitest';
import { storedText } from './stored-text.js';

/**
 * Trust audit 7's probe (2026-12-04): what audit 6 left (a secret word split by a separator, a key
 * nested under a block's or table's name, PowerShell's environment drive, `dotnet user-secrets`
 * paths, short base64 credentials, an AWS secret key that reads as words) and what a team pastes
 * next (GitHub Actions, Helm, docker-compose, `gh`, `vault`, `aws`, `az`, `heroku`, `fly`,
 * `firebase` commands, JDBC and ODBC strings, Redis `AUTH`, `mysql -p`, basic auth in URLs, vendors'
 * keys), each through the one redactor as a plain-text body and inside a chat request's JSON string;
 * and the ordinary text beside them (ids, hashes, prose, settings that are no secret) that must stay as written.
 */
const at = storedText('trust-audit7-shapes-key-0123456789');
const B = (s: string) => Buffer.from(s).toString('base64');
const S = 'Q7xSeedPw-4k2';

/** Command, config and code templates; `{S}` is the secret. */
const templates: readonly string[] = [
  'pass_word = {S}',
  'pass-word: {S}',
  'passWord = "{S}"',
  'pass.word={S}',
  'PASS_WORD={S}',
  'db_pass_word = {S}',
  'api = { key = "{S}" }',
  'api {\n  key = "{S}"\n}',
  'api:\n  key: {S}',
  '{"api": {"key": "{S}"}}',
  '[api]\nkey = "{S}"',
  'stripe = { secret = "{S}" }',
  'api.key={S}',
  'apiKey: {S}',
  'api-key: {S}',
  'API__KEY={S}',
  'client.secret = {S}',
  'auth:\n  password: {S}',
  'postgresql:\n  auth:\n    password: {S}\n    postgresPassword: {S}',
  'redis:\n  auth:\n    enabled: true\n    password: "{S}"',
  'helm install db bitnami/postgresql --set auth.postgresPassword={S}',
  'helm upgrade x --set global.postgresql.auth.password={S} --set x=1',
  'Set-Item env:DB_PASSWORD "{S}"',
  'Set-Item -Path env:API_KEY -Value "{S}"',
  '$env:DB_PASSWORD = "{S}"',
  "$env:API_TOKEN='{S}'",
  '[Environment]::SetEnvironmentVariable("DB_PASSWORD", "{S}", "User")',
  'dotnet user-secrets set "Api:Key" "{S}"',
  'dotnet user-secrets set "Stripe:SecretKey" "{S}"',
  'dotnet user-secrets set "Db:Password" {S}',
  'dotnet user-secrets set ConnectionStrings:Db "Server=db;User Id=sa;Password={S};"',
  'env:\n  DB_PASSWORD: {S}\n  NODE_ENV: production',
  'jobs:\n  build:\n    env:\n      API_TOKEN: "{S}"',
  'secrets:\n  API_KEY: {S}',
  'with:\n  password: {S}\n  username: bob',
  '    env:\n      AWS_SECRET_ACCESS_KEY: {S}',
  'environment:\n  - POSTGRES_PASSWORD={S}\n  - POSTGRES_USER=app',
  'environment:\n  - "MYSQL_ROOT_PASSWORD={S}"',
  'environment:\n  POSTGRES_PASSWORD: {S}',
  "environment:\n  - 'API_KEY={S}'",
  'gh secret set API_KEY --body "{S}"',
  'gh secret set API_KEY -b"{S}"',
  'gh secret set API_KEY -b {S}',
  'gh secret set API_KEY --body {S} --repo o/r',
  "echo -n '{S}' | gh secret set API_KEY",
  'gh variable set X --body 1; gh secret set TOKEN --body={S}',
  'vault kv put secret/db password={S}',
  'vault kv put secret/app api_key={S} user=bob',
  'vault kv put -mount=secret creds token={S}',
  'vault write auth/userpass/users/bob password={S}',
  'aws configure set aws_secret_access_key {S}',
  'aws configure set default.aws_secret_access_key {S}',
  'aws configure set aws_session_token {S}',
  'az login -u bob@x.com -p {S}',
  'az sql server create -n s -g g -u admin --admin-password {S}',
  'az vm create -n vm --admin-password "{S}"',
  'az login --service-principal --username app --password {S} --tenant t',
  'az ad sp credential reset --id x --password {S}',
  'heroku config:set DATABASE_PASSWORD={S}',
  'heroku config:set API_KEY={S} -a shop',
  'heroku config:set STRIPE_SECRET_KEY="{S}" --app shop',
  'fly secrets set DB_PASSWORD={S}',
  'flyctl secrets set API_KEY="{S}" -a app',
  'fly secrets set X=1 SESSION_SECRET={S}',
  'firebase functions:config:set stripe.secret="{S}"',
  'firebase functions:config:set someservice.key="{S}" someservice.id="x"',
  'firebase functions:config:set mail.password={S}',
  'jdbc:mysql://db:3306/shop?user=app&password={S}',
  'jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password={S};encrypt=true',
  'jdbc:postgresql://db/shop?user=app&password={S}&ssl=true',
  'jdbc:oracle:thin:app/{S}@db:1521/ORCL',
  'Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Uid=sa;Pwd={S};Encrypt=yes;',
  'DSN=shop;UID=app;PWD={S}',
  'Driver={PostgreSQL};Server=db;Uid=app;Pwd={{S}};',
  'AUTH {S}',
  'redis> AUTH default {S}',
  '127.0.0.1:6379> AUTH {S}',
  'redis-cli -a {S} ping',
  'redis-cli --pass {S}',
  'mysql -u root -p{S} shop',
  'mysql -uroot -p{S}',
  'mysqldump -u app -p{S} shop > x.sql',
  'mysql --password={S} -u root',
  'https://bob:{S}@git.example.com/r.git',
  'http://admin:{S}@10.0.0.5:8080/',
  'git clone https://oauth2:{S}@gitlab.com/o/r.git',
];
/** `[text, the secret it holds]`: shapes with a secret of their own form. */
const cases: readonly (readonly [string, string])[] = [
  ['the other one wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYS7SEEDKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYS7SEEDKEY'],
  [`registry ${B('bob:pw12')}`, B('bob:pw12')],
  [`auth ${B('deploy:S7short')}`, B('deploy:S7short')],
  [`use ${B('u:S7Pw-9').replace(/=+$/, '')} there`, B('u:S7Pw-9').replace(/=+$/, '')],
  [`"auth": "${B('bob:hunter22')}"`, B('bob:hunter22')],
  [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJTN3NlZWQiLCJuYW1lIjoiSm9obiJ9.S7SeedJwtSigAbCdEfGhIjKlMnOpQrStUvWx',
    'S7SeedJwtSigAbCdEfGhIjKlMnOpQrStUvWx',
  ],
  ['AIzaSyS7SeedGoogleKey0123456789abcdefgh', 'AIzaSyS7SeedGoogleKey0123456789abcdefgh'],
  ['sk-proj-S7SeedOpenAiKey0123456789abcdefABCDEFghijklmnop', 'sk-proj-S7SeedOpenAiKey0123456789abcdefABCDEFghijklmnop'],
  [
    'sk-ant-api03-S7SeedAnthropicKey0123456789abcdefABCDEF-ghijklmnopAA',
    'sk-ant-api03-S7SeedAnthropicKey0123456789abcdefABCDEF-ghijklmnopAA',
  ],
];
/** Ordinary text that no rule may change. */
const ordinary: readonly string[] = [
  'Order ORD-2024-88412 shipped; request 123e4567-e89b-12d3-a456-426614174000',
  'see https://docs.example.com/guide/3f786850e387550fdab836ed7e6dc881de23001b',
  'Click the password reset link we emailed you.',
  'the pass word was wrong',
  'api = { url = "https://api.example.com" }',
  'env:\n  NODE_ENV: production\n  LOG_LEVEL: debug',
  'environment:\n  - POSTGRES_USER=app\n  - POSTGRES_DB=shop',
  'gh secret list',
  'gh secret set API_KEY  # prompts for the value',
  'aws configure set region eu-west-1',
  'mysql -u root -p shop',
  'AUTH required before GET',
  'key = "primary"',
  'dotnet user-secrets set "Logging:Level" "Debug"',
  'fly secrets list',
  'The base64 of hello is aGVsbG8=',
  'Set-Item env:PATH "C:\\bin"',
];
describe('trust audit 7: pasted shapes', () => {
  it('no secret is stored from the templates, as a plain-text body or in a JSON string', () => {
    const leaks = templates.flatMap((template) => {
      const text = template.replaceAll('{S}', S);
      return [...(at.stored(text).includes(S) ? [`text: ${text}`] : []), ...(at.storedJson(text).includes(S) ? [`json: ${text}`] : [])];
    });
    expect(leaks).toEqual([]);
  });

  it('no secret of its own form is stored, as a plain-text body or in a JSON string', () => {
    const leaks = cases.flatMap(([text, secret]) => [
      ...(at.stored(text).includes(secret) ? [`text: ${text}`] : []),
      ...(at.storedJson(text).includes(secret) ? [`json: ${text}`] : []),
    ]);
    expect(leaks).toEqual([]);
  });

  it('ordinary ids, hashes, settings and prose are stored as written', () => {
    expect(ordinary.filter((text) => at.stored(text) !== text)).toEqual([]);
  });
});
