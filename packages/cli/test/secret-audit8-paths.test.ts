/**
 * Trust audit 8's seeder. What audits 5–7 did not try: a password stated in prose in other
 * languages with a copula, an inflection or a qualifying phrase (`mot de passe, c'est …`,
 * `lösenordet är …`, `şifrem …`, `пароль від бази: …`, `Password for the admin account: …`),
 * credentials by position in code (`HTTPBasicAuth('u', '…')`, `auth=("u", "…")`, `IDENTIFIED BY
 * '…'`), a namespaced XML element, HTML entities, a proxy URL's `DOMAIN\user`, an OAuth callback's
 * `code` — pasted through every path of `seeded-traffic.ts` (the real `openai` and
 * `@anthropic-ai/sdk` clients, the live shadow, a replay, the egress, a HAR import, the export) —
 * and the wire shapes of `wire-shapes-traffic.ts` (compressed bodies, multipart and form posts,
 * upstream errors, unusual headers, paired and nested query names, tool arguments one character
 * per delta and five bytes per write, GoReplay / JSONL / OTLP imports), read back from the API,
 * the export, the dashboard's pages, `/metrics`, the log, the SQLite file and its WAL.
 */
import { describe, expect, it } from 'vitest';
import { recordingPathsFixture, secretSpellings } from './secret-paths-support.js';
import { expectEveryPathClean, type SeededTraffic, seededUpstream } from './seeded-traffic.js';
import { addWireRoutes, sendWireShapes, type WireSecrets, wirePlaces } from './wire-shapes-traffic.js';

const redactionKey = 'secret-audit8-test-key-0123456789';
const adminToken = 'secret-audit8-admin-token-0123456789';

/** The pasted shapes' secrets, each distinct, so a leak names its shape. */
const secrets = {
  frCest: 'A8SeedFrCest-801',
  esQuoted: 'A8SeedEsQuoted-802',
  deLautet: 'A8SeedDeLautet-803',
  trPossessive: 'A8SeedTrPoss-804',
  svDefinite: 'A8SeedSvDef-805',
  viCopula: 'A8SeedViCop-806',
  heCopula: 'A8SeedHeCop-807',
  hiCopula: 'A8SeedHiCop-808',
  elCopula: 'A8SeedElCop-809',
  ukQualified: 'A8SeedUkQual-810',
  csCopula: 'A8SeedCsCop-811',
  enQualified: 'A8SeedEnQual-812',
  passcode: 'A8SeedPasscode-813',
  proxyDomainUser: 'A8SeedProxyDom-814',
  oauthCallback: 'A8SeedOauthCb815x',
  basicTuple: 'A8SeedBasicTuple-816',
  httpBasicAuth: 'A8SeedHttpBasic-817',
  smtpLogin: 'A8SeedSmtpLogin-818',
  sqlWithPassword: 'A8SeedSqlWith-819',
  sqlIdentified: 'A8SeedSqlIdent-820',
  soapPassword: 'A8SeedSoapPw-821',
  htmlEntity: 'A8SeedHtmlEnt-822',
  htmlQuot: 'A8SeedHtmlQuot-823',
  errorProvided: 'A8SeedErrProvided-824',
  toolArgs: 'A8SeedToolArgs-825',
  headerKey: 'A8SeedHeaderKey-0123456789',
  queryKey: 'A8SeedQueryKey-0123456789',
  bearer: 'A8SeedBearer9xQ2mL7vT4kP8',
} as const;

/** Ordinary text beside them: ids, hashes, counts, hosts and prose that must be stored as written. */
const ordinary = [
  'ORD-2024-88130',
  '3f2b8c1e-9d4a-4e6f-b2a1-7c8d9e0f1a2b',
  'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'key_count = 3',
  'Das Passwort muss mindestens 12 Zeichen haben.',
  'la contraseña es incorrecta',
  'Password for the admin account: see the vault entry',
  'proxy.corp.example:8080',
] as const;

const spelled = [
  'Pasted from the incident channel:',
  `mon mot de passe, c'est ${secrets.frCest}`,
  `Mi contraseña es "${secrets.esQuoted}"`,
  `Das Passwort lautet: ${secrets.deLautet}`,
  `şifrem ${secrets.trPossessive}`,
  `lösenordet är ${secrets.svDefinite}`,
  `mật khẩu là ${secrets.viCopula}`,
  `הסיסמה היא ${secrets.heCopula}`,
  `पासवर्ड है ${secrets.hiCopula}`,
  `ο κωδικός είναι ${secrets.elCopula}`,
  `пароль від бази: ${secrets.ukQualified}`,
  `heslo je ${secrets.csCopula}`,
  `Password for the admin account: ${secrets.enQualified}`,
  `passcode ${secrets.passcode}`,
  `HTTPS_PROXY=http://corp\\bob:${secrets.proxyDomainUser}@${ordinary[7]}`,
  `https://app.example/callback?code=${secrets.oauthCallback}&state=xyz`,
  `requests.get(url, auth=("bob", "${secrets.basicTuple}"))`,
  `HTTPBasicAuth('bob', '${secrets.httpBasicAuth}')`,
  `smtp.login("me@example.com", "${secrets.smtpLogin}")`,
  `ALTER USER app WITH PASSWORD '${secrets.sqlWithPassword}';`,
  `CREATE USER 'app'@'%' IDENTIFIED BY '${secrets.sqlIdentified}';`,
  `<wsse:Password Type="PasswordText">${secrets.soapPassword}</wsse:Password>`,
  `&#112;assword=${secrets.htmlEntity}`,
  `password=&quot;${secrets.htmlQuot}&quot;`,
  `Error: Incorrect API key provided: ${secrets.errorProvided}.`,
  ...ordinary.slice(0, 7),
].join('\n');

const toolArguments = JSON.stringify({ cmd: 'login', note: `pässwört "${secrets.toolArgs}" ☃`, env: `DB_PASSWORD="${secrets.toolArgs}"` });
const traffic: SeededTraffic = { tag: 'a8', spelled, toolArguments };

const wire: WireSecrets = {
  gzipRequest: 'A8WireGzipReq-831',
  brReply: 'A8WireBrReply-832',
  deflateStream: 'A8WireDeflate-833',
  multipartField: 'A8WireMultiField-834',
  multipartFile: 'A8WireMultiFile-835',
  oauthCode: 'A8WireOauthCode836x',
  oauthAssertion: 'A8WireAssertion837x',
  clientSecret: 'A8WireClientSecret-838',
  errorEcho: 'A8WireErrEcho-839',
  errorHtml: 'A8WireErrHtml-840',
  errorTrace: 'A8WireErrTrace-841',
  headerPass: 'A8WireHdrPass-842',
  headerJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhOCJ9.A8WireHdrJwtSigAbCdEf843',
  headerBearer: 'A8WireHdrBearer-844',
  setCookie: 'A8WireSetCookie-845',
  locationCode: 'A8WireLocCode846x',
  linkToken: 'A8WireLinkToken-847',
  queryPass: 'A8WireQryPass-848',
  queryBracket: 'A8WireQryBracket-849',
  queryJson: 'A8WireQryJson-850',
  splitArgs: 'A8WireSplitArgs-851',
  splitUnicode: 'A8WireSplitUni-852',
  splitAnthropic: 'A8WireSplitAnth-853',
  egressHeader: 'A8WireEgressHdr-854',
  egressQuery: 'A8WireEgressQry-855',
  goreplay: 'A8WireGoReplay-856',
  jsonl: 'A8WireJsonl-857',
  otlp: 'A8WireOtlp-858',
};

const paths = recordingPathsFixture({ upstreamApp: addWireRoutes(seededUpstream(traffic), wire), redactionKey, seed: 18 });

describe('trust audit 8 seeder (every path, real SDK clients, real sockets, the store file)', () => {
  it('no pasted secret reaches the SQLite file, its WAL, the log, the API or an export; ids, counts and prose survive', async () => {
    await expectEveryPathClean(paths(), traffic, secrets, {
      adminToken,
      recorded: 'Pasted from the incident channel:',
      survivors: [...ordinary],
    });
  });

  it('no wire-shape secret reaches the API, the export, the dashboard, /metrics, the log, the SQLite file or its WAL', async () => {
    await sendWireShapes(paths(), wire);
    await paths().tap.flush();
    const places = await wirePlaces(paths(), adminToken);
    expect(places.api).toContain('db.internal');
    const leaks = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(wire)
        .filter(([, s]) => secretSpellings(s).some((f) => text.includes(f)))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(leaks).toEqual([]);
  });
});
