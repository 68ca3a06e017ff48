/**
 * The secret seeder over the paths of a real `understudy start` that the recording tests do not
 * read: the live shadow's comparisons and the LLM judge they ask (its outbound requests), the
 * OpenTelemetry spans and their events (with message content on), the Prometheus exposition, the
 * process's log lines, the API's comparisons and error messages, and the dashboard's HTML (overview, lists, every
 * comparison side by side, every exchange's page) — besides the store's files. Secrets are seeded
 * in every shape the redactor knows last: a random token with no label, passwords labelled in
 * other languages, a vendor key, a query token and a token in a path segment.
 */
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../../otel/test/otlp-receiver.js';
import { eventually } from './eventually.js';
import { agent, auth, filesHolding, shadowConfigDir, stubJudge, token } from './judge-stubs.js';
import { processFixture, secretSpellings } from './secret-paths-support.js';
import { startUnderstudy } from './start-process.js';

const seeds = {
  proseToken: 'Hq7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiY',
  dePw: 'SeederKuchen-71',
  zhPw: 'SeederMima-8812',
  vendor: 'hf_SeederHfTok3nAbCdEfGhIjKl33',
  queryKey: 'SeederQueryKey-5521',
  pathToken: 'Pz4Kq8Zx2Vb7Np9Lc3Rw6Yh1Gd5Fs0Ja2Ue8Io4',
  // Trust audit 2's shapes: a key split by a zero-width space (each half a needle), a password on a
  // command line, in an .netrc entry, after another language's copula and in an HTML input, a PIN,
  // an IBAN, and a base64 token in a callback URL encoded twice into a login link.
  zwHead: 'sk-proj-SeederZwHead',
  zwTail: 'Sp1itKey9Xq4Lm7Tb2Vn',
  sshpass: 'SeederSshPass-77',
  netrc: 'SeederNetrcPw5',
  itPw: 'SeederGatto-99',
  htmlPw: 'SeederHtmlPw-9',
  pin: '90417325',
  iban: 'DE89370400440532013000',
  ibanGrouped: 'DE89 3704 0044 0532 0130 00',
  b64: 'Sd8Zx2Vb7Np9+Lc3RwT5yMh4/Gd6Jf1Ws9Qa==',
  lrmHead: 'ghp_SeederLrmHead0',
  lrmTail: 'Kq8Zx2Vb7Np9Lc3RwT5y',
  k8s: 'SeederK8sPw-3',
  zip: 'SeederZipPw-4',
  code: '58203917',
  yaml: 'SeederYamlBlock-6',
  // Trust audit 4's shapes: positional and connect-string passwords, a client's option, a
  // letters-only password after a label alone, keys in Armenian, Cherokee and dash look-alikes.
  netUser: 'SeederNetPw-41',
  oracle: 'SeederOracle-43',
  cqlsh: 'SeederCql-44',
  blankLabel: 'seedergirassol',
  armenianTail: 'SeederArm3nianK3yAbCdEf12',
  cherokeeTail: 'SEEDER4CHEROKEE1',
  // Where an id, a filter's name or a version's name goes in a control-API request (its error answer).
  apiId: 'sk-proj-SeederApiIdK3yAbCdEf0123456',
  apiFilter: 'SeederFilterTok9Xq4Lm7Tb2Vn8Wc3',
} as const;

/** HTML text with its character references read. */
function unescapeHtml(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('secrets through understudy start: shadow, judge, spans, metrics, logs', () => {
  const { servers, dispatcher } = processFixture();

  it('no seeded secret reaches the judge, a span, /metrics, a log line, the API or a file', async () => {
    const v1 = await agent('$20');
    const v2 = await agent('$50');
    const judge = await stubJudge();
    const receiver = await startOtlpReceiver();
    servers.push(v1.server, v2.server, judge.server);
    const dir = shadowConfigDir('us-seeder-start-', v2.url, {
      compare: { judge: { url: judge.url, model: 'judge-mini' } },
      otel: { captureContent: true, pollMs: 100 },
    });
    const env = {
      UNDERSTUDY_DB: join(dir, 'u.db'),
      UNDERSTUDY_ADMIN_TOKEN: token,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url.replace(/\/v1\/traces$/, ''),
    };
    const started = await startUnderstudy(['--upstream', v1.url], env, dir);
    try {
      // The agent echoes what it was asked: each secret is in the request, the reply and the shadow's reply.
      const callback = encodeURIComponent(encodeURIComponent(`https://y.example.com/cb?code=${seeds.b64}`));
      const asks = [
        `log in with ${seeds.proseToken} please`,
        `Passwort: ${seeds.dePw} und 密码：${seeds.zhPw}`,
        `my key is ${seeds.vendor}`,
        `key ${seeds.zwHead}\u200b${seeds.zwTail}, then sshpass -p ${seeds.sshpass} ssh root@db and machine h login u password ${seeds.netrc}`,
        `la password è ${seeds.itPw}; <input type="password" value="${seeds.htmlPw}">; my PIN is ${seeds.pin}; pay ${seeds.ibanGrouped} or ${seeds.iban}`,
        `sign in at https://x.example.com/login?next=${callback} now`,
        `token ${seeds.lrmHead}\u200e${seeds.lrmTail}; kubectl create secret generic db --from-literal=password=${seeds.k8s}; zip -P ${seeds.zip} a.zip x; your verification code is ${seeds.code}`,
        `db:\n  password: |\n    ${seeds.yaml}\n  user: app`,
        `C:\\> net user alice ${seeds.netUser} /add\nexpdp system/${seeds.oracle}@orcl full=y\ncqlsh -u cassandra -p ${seeds.cqlsh}\nsenha ${seeds.blankLabel}\nkey sk-prօj-${seeds.armenianTail} and ᎪKIA${seeds.cherokeeTail}`,
      ];
      for (const [i, content] of asks.entries()) {
        const path = i === 0 ? `/v1/chat/completions?api_key=${seeds.queryKey}` : `/v1/chat/completions`;
        const res = await request(`${started.tapUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'agent', messages: [{ role: 'user', content }] }),
          dispatcher,
        });
        await res.body.dump();
      }
      const other = await request(`${started.tapUrl}/v1/files/${seeds.pathToken}`, { dispatcher });
      await other.body.dump();

      const comparisons = await eventually(async () => {
        const res = await request(`${started.controlUrl}/api/comparisons?source=shadow&limit=50`, { headers: auth, dispatcher });
        const page = (await res.body.json()) as { items: { id: string }[] };
        return page.items.length >= asks.length ? page : undefined;
      }, 60_000);
      let api = JSON.stringify(comparisons);
      for (const { id } of comparisons.items) {
        const res = await request(`${started.controlUrl}/api/comparisons/${id}`, { headers: auth, dispatcher });
        api += await res.body.text();
      }
      await eventually(() => (judge.seen.length >= asks.length ? true : undefined), 30_000);
      await eventually(() => (receiver.spans.some((s) => s.events?.length) ? true : undefined), 30_000);
      const metrics = await (await request(`${started.controlUrl}/metrics`, { headers: auth, dispatcher })).body.text();
      const exchanges = await (await request(`${started.controlUrl}/api/exchanges?limit=50`, { headers: auth, dispatcher })).body.text();
      // API error messages: a secret where an id, a filter's name or a version's name goes is not repeated.
      let errors = '';
      for (const [method, path, body] of [
        ['GET', `/api/exchanges/${seeds.apiId}`, undefined],
        ['GET', `/api/comparisons/${seeds.apiId}`, undefined],
        ['GET', `/api/exchanges?${seeds.apiFilter}=1`, undefined],
        ['POST', '/api/versions', JSON.stringify({ name: seeds.apiId, upstream: 'not a url' })],
      ] as const) {
        const res = await request(`${started.controlUrl}${path}`, {
          method,
          headers: { ...auth, 'content-type': 'application/json' },
          body,
          dispatcher,
        });
        expect(res.statusCode, path).toBeGreaterThanOrEqual(400);
        errors += await res.body.text();
      }
      // The dashboard's HTML: the overview, the lists, every comparison side by side and each exchange's page.
      const exchangeIds = (JSON.parse(exchanges) as { items: { id: string }[] }).items.map((e) => e.id);
      let dashboard = '';
      for (const page of [
        '/',
        '/comparisons',
        '/exchanges',
        ...comparisons.items.map((c) => `/comparisons/${c.id}`),
        ...exchangeIds.map((id) => `/exchanges/${id}`),
      ]) {
        const res = await request(`${started.controlUrl}${page}`, { headers: auth, dispatcher });
        expect(res.statusCode, page).toBe(200);
        dashboard += await res.body.text();
      }

      started.cli.child.kill('SIGTERM');
      expect(await started.cli.exit).toBe(0);
      const places: Record<string, string> = {
        judge: JSON.stringify(judge.seen),
        spans: JSON.stringify(receiver.spans),
        metrics,
        api: api + exchanges + errors,
        logs: started.cli.stdout() + started.cli.stderr(),
        // As written and with HTML's escapes read (`&amp;`, `&#39;`).
        dashboard: dashboard + unescapeHtml(dashboard),
      };
      expect(places.spans).toContain('[redacted:');
      expect(places.judge).toContain('[redacted:');
      expect(places.dashboard).toContain('[redacted:');
      expect(places.dashboard).toContain('net user alice');
      const needles = Object.values(seeds).flatMap(secretSpellings);
      for (const [place, text] of Object.entries(places))
        expect(
          needles.filter((s) => text.includes(s)),
          place,
        ).toEqual([]);
      for (const s of needles) expect(filesHolding(dir, s), s).toEqual([]);
    } finally {
      if (started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
      await receiver.close();
    }
  }, 120_000);
});
