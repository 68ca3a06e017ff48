/**
 * Trust audit 5's seeder: secrets of many shapes — cloud keys of the major providers, a JWT, bearer
 * and Basic credentials, a PEM private key, connection strings of five databases and brokers,
 * passwords on command lines (`xfreerdp /p:`, db2 `USING`, clients' options on a line of their own
 * in a chat message) and in config snippets of several languages, API keys in JSON members of
 * unusual names, a secret in a tool call's arguments, short CJK passwords, a capitalised
 * letters-only password after a blank label, percent-encoded and base64-wrapped ones — sent by the real `openai` and
 * `@anthropic-ai/sdk` clients through the tap (a JSON request and reply, OpenAI chat, Responses
 * and Anthropic streams that split them across 3-character deltas, headers and the query) with
 * its live shadow, a replay, the egress proxy and `understudy import` of HAR; then `understudy
 * export`. No secret, in any of its obvious spellings, may reach the SQLite file, its WAL, the log,
 * the API or the export. The ordinary ids beside them (an order id on the line after a key, a
 * request's UUID, a commit hash in a docs URL) must survive.
 */
import { describe, it } from 'vitest';
import { recordingPathsFixture } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';

const redactionKey = 'secret-audit5-test-key-0123456789';
const adminToken = 'secret-audit5-admin-token-0123456789';

/** Each distinct, so a leak names its shape. */
const secrets = {
  awsId: 'AKIAA5SEEDQ7XW2LMN4P',
  awsSecret: 'a5SeedwJalrXUtnFEMI/K7MDENG/bPxRfiCYz9Q',
  gcpKey: 'AIzaSyA5SeedD9tSrke72PouQMnMXa7eZSW0jkF',
  azureKey: 'A5SeedZm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg9PQ==',
  jwtSig: 'A5SeedSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQ',
  bearer: 'A5SeedBearer9xQ2mL7vT4kP8',
  basicUrl: 'A5SeedBasic&Pw3',
  pemLine: 'MIIEowIBAAKCAQEAa5SeedPemLineAbCdEfGhIjKl',
  postgres: 'A5SeedPg-4419',
  mysqlUrl: 'A5SeedMy!772',
  mongo: 'A5SeedMongo99',
  redis: 'RdsA5OnlyPw-3',
  amqp: 'A5SeedAmqp-55',
  sqlServer: 'A5SeedSql#12',
  xfreerdp: 'A5SeedRdp0rd',
  xfreerdp2: 'Winter2026!a5',
  db2: 'A5SeedDb2Pw1',
  mysqlCli: 'A5SeedMyCli55',
  sshpass: 'A5SeedSshPw9',
  dockerLogin: 'A5SeedDocker91',
  redisCli: 'A5SeedRedisCli89',
  blankLabel: 'Sunshinefive',
  alignedField: 'Marigoldsun',
  cjk2: '猫狗',
  cjk4: '天地玄黄',
  iniPass: 'A5SeedIni883',
  phpDefine: 'A5SeedPhp-884',
  javaProp: 'A5SeedJava-886',
  csharp: 'A5SeedCs-889',
  powershell: 'A5SeedPsSecure86',
  jsonOdd: 'A5SeedAuthTkn9Q8wE7rT6yU5i',
  jsonCamel: 'A5SeedClientS3cret-894',
  jsonV2: 'ak2-A5SeedZz9Yy8Xx7Ww6',
  toolArg: 'A5SeedToolArgPw77',
  urlEncoded: 'A5Seed@Pw!enc',
  letDecl: 'A5SeedLetPw-31',
  xmlValue: 'A5SeedXmlPw-32',
  goDsn: 'A5SeedGoDsn#33',
  base64Creds: Buffer.from('deploy:A5SeedB64Pw-34').toString('base64'),
  base64Decode: 'QTVTZWVkSzhzUHctMzU=',
  headerKey: 'A5SeedHeaderKey-0123456789',
  queryKey: 'A5SeedQueryKey-0123456789',
  streamKey: 'sk-proj-A5SeedStreamKeyAbCdEfGhIjKlMnOp',
} as const;

/** Ordinary ids beside the secrets: none is a secret, each must be stored as it was written. */
const ordinary = [
  'ORD-2024-88412',
  '123e4567-e89b-12d3-a456-426614174000',
  'https://docs.example.com/guide/3f786850e387550fdab836ed7e6dc881de23001b',
] as const;

const pem = `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pemLine}\nQk9EWVRISVJEa5Seed\n-----END RSA PRIVATE KEY-----`;
const jwt = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhNXNlZWQifQ.${secrets.jwtSig}`;
/** What the traffic says: every shape on a line of its own, as a person pastes it into a chat. */
const spelled = [
  'Why does my deploy fail? Here is everything:',
  `export AWS_ACCESS_KEY_ID=${secrets.awsId}`,
  `export AWS_SECRET_ACCESS_KEY=${secrets.awsSecret}`,
  `GOOGLE_API_KEY=${secrets.gcpKey}`,
  `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${secrets.azureKey};EndpointSuffix=core.windows.net`,
  `token ${jwt}`,
  `curl -H "Authorization: Bearer ${secrets.bearer}" https://api.example.com`,
  `git clone https://deploy:${secrets.basicUrl}@git.example.com/r.git`,
  pem,
  `DATABASE_URL=postgres://app:${secrets.postgres}@db:5432/app`,
  `mysql://root:${secrets.mysqlUrl}@10.0.0.1/db`,
  `mongodb+srv://admin:${secrets.mongo}@cluster0.abc.mongodb.net/?retryWrites=true`,
  `redis://:${secrets.redis}@cache:6379/0`,
  `amqps://guest:${secrets.amqp}@mq.internal:5671/vhost`,
  `Server=tcp:db.x,1433;Database=app;User ID=sa;Password=${secrets.sqlServer};Encrypt=True`,
  `xfreerdp /v:10.0.0.5 /u:admin /p:${secrets.xfreerdp}`,
  `xfreerdp /u:CORP\\bob /p:${secrets.xfreerdp2} /v:srv01`,
  `db2 CONNECT TO SAMPLE USER db2inst1 USING ${secrets.db2}`,
  `mysql -u root -p${secrets.mysqlCli} -h db`,
  `sshpass -p ${secrets.sshpass} ssh root@host`,
  `docker login -u bob -p ${secrets.dockerLogin} registry.example.com`,
  `redis-cli -h cache -a ${secrets.redisCli} ping`,
  `Password:   ${secrets.blankLabel}`,
  `PASSWORD    ${secrets.alignedField}`,
  `密码：${secrets.cjk2}`,
  `密码是 ${secrets.cjk4}`,
  `db_pass=${secrets.iniPass}`,
  `define('DB_PASSWORD', '${secrets.phpDefine}');`,
  `props.setProperty("password", "${secrets.javaProp}");`,
  `var cred = new NetworkCredential("bob", "${secrets.csharp}");`,
  `$pw = ConvertTo-SecureString "${secrets.powershell}" -AsPlainText -Force`,
  `login?user=bob&password=${encodeURIComponent(secrets.urlEncoded)}`,
  `let password = "${secrets.letDecl}";`,
  `<property name="password" value="${secrets.xmlValue}"/>`,
  `dsn := "app:${secrets.goDsn}@tcp(db:3306)/shop"`,
  `registry creds (base64): ${secrets.base64Creds}`,
  `echo ${secrets.base64Decode} | base64 -d`,
  `key ${secrets.streamKey}`,
  `${ordinary[0]} shipped; request ${ordinary[1]}; see ${ordinary[2]}`,
].join('\n');

/** A reply naming its own secrets: in JSON members of unusual names and in a tool call's arguments. */
const replyMembers = { 'x-auth-tkn': secrets.jsonOdd, clientSecret: secrets.jsonCamel, apiKeyV2: secrets.jsonV2 };
const traffic: SeededTraffic = {
  tag: 'a5',
  spelled,
  toolArguments: JSON.stringify({ cmd: `mysql -uroot -p${secrets.toolArg} shop`, ...replyMembers }),
};

const paths = recordingPathsFixture({ upstreamApp: seededUpstream(traffic), redactionKey, seed: 15 });

describe('trust audit 5 seeder (every path, real SDK clients)', () => {
  it('no seeded secret reaches the SQLite file, its WAL, the log, the API or an export; ordinary ids survive', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'db2 CONNECT TO SAMPLE',
      survivors: [...ordinary, 'AWS_SECRET_ACCESS_KEY=', 'GOOGLE_API_KEY=', 'DefaultEndpointsProtocol=https', '\\ncurl -H'],
    });
  });
});
