/**
 * Secrets that stand where only their position or their label gives them away, through a real
 * `understudy start` (tap, live shadow, control plane, `versions list`): a token as a URL path
 * segment after a credential word (`/v1/keys/…`, `/api/token/…`, a webhook's token segment), a
 * random token shorter than 24 characters after a label (`api key: …`, `my token is …`),
 * password and secret words of other languages as JSON member and query parameter names
 * (`{"Passwort": …}`, `?contrasena=…`) — recorded by the tap and by its live shadow. None may
 * reach a stored byte (the SQLite file and its WAL, read raw), an API answer or a log line.
 */
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { agent, auth, filesHolding, shadowConfigDir, token } from './judge-stubs.js';
import { processFixture } from './secret-paths-support.js';
import { startUnderstudy } from './start-process.js';

const seeds = {
  // URL path segments in a credential position.
  keySegment: 'Kq8Zx2Vb7Np9Lc3R',
  tokenSegment: 'Qx7Zr2LmX9vT',
  hookSegment: '9f8e7d6c5b4a39281716',
  webhookSegment: 'Wh7kP2mZ9qR4tL8x',
  // Short random tokens after a label.
  apiKey: 'Zr2LmX9vTb4Nc',
  stated: 'Nm3Rt8Vx2Kp',
  // Password and secret words of other languages as JSON names and query names.
  dePw: 'KuchenBlau',
  esPw: 'perroverde',
  ptPw: 'gatoazulado',
  frPw: 'chatonbleu',
  nlPw: 'fietsrood',
  plPw: 'kotzielony',
  ruPw: 'sinijkot',
  zhPw: 'lanmaomi',
  deSecret: 'geheimwort',
  esQuery: 'perroquery',
  deQuery: 'kuchenquery',
  frQuery: 'chatquery',
} as const;

describe('secrets by position and label through understudy start', () => {
  const { servers, dispatcher } = processFixture();

  it('no such secret reaches a stored byte, the API or a log line', async () => {
    const v1 = await agent('$20');
    const v2 = await agent('$50');
    servers.push(v1.server, v2.server);
    const dir = shadowConfigDir('us-secret-positions-', v2.url);
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    const started = await startUnderstudy(['--upstream', v1.url], env, dir);
    try {
      const send = async (path: string, body?: unknown) => {
        const res = await request(`${started.tapUrl}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          dispatcher,
        });
        await res.body.dump();
      };
      await send(`/v1/keys/${seeds.keySegment}/rotate`);
      await send(`/api/token/${seeds.tokenSegment}/refresh`);
      await send(`/hooks/${seeds.hookSegment}`);
      await send(`/api/webhooks/1234567890/${seeds.webhookSegment}`);
      await send('/v1/chat/completions', {
        model: 'agent',
        messages: [{ role: 'user', content: `my api key: ${seeds.apiKey} and my token is ${seeds.stated}` }],
      });
      await send('/v1/login', {
        Passwort: seeds.dePw,
        contraseña: seeds.esPw,
        user: { senha: seeds.ptPw, mot_de_passe: seeds.frPw, wachtwoord: seeds.nlPw, hasło: seeds.plPw },
        пароль: seeds.ruPw,
        密码: seeds.zhPw,
        geheimnis: seeds.deSecret,
      });
      await send(`/v1/login?user=bob&contrasena=${seeds.esQuery}&Passwort=${seeds.deQuery}&motdepasse=${seeds.frQuery}`);
      const exchanges = await eventually(async () => {
        const res = await request(`${started.controlUrl}/api/exchanges?limit=100`, { headers: auth, dispatcher });
        const page = (await res.body.json()) as { items: { id: string; role: string }[] };
        return page.items.filter((x) => x.role === 'live').length >= 7 && page.items.some((x) => x.role === 'shadow') ? page : undefined;
      }, 60_000);
      let api = JSON.stringify(exchanges);
      for (const { id } of exchanges.items)
        api += await (await request(`${started.controlUrl}/api/exchanges/${id}`, { headers: auth, dispatcher })).body.text();
      started.cli.child.kill('SIGTERM');
      expect(await started.cli.exit).toBe(0);
      const places: Record<string, string> = { api, logs: started.cli.stdout() + started.cli.stderr() };
      const leaks: Record<string, string[]> = {};
      for (const [place, text] of Object.entries(places)) {
        const found = Object.entries(seeds).filter(([, s]) => text.includes(s));
        if (found.length > 0) leaks[place] = found.map(([name]) => name);
      }
      const stored = Object.entries(seeds).filter(([, s]) => filesHolding(dir, s).length > 0);
      if (stored.length > 0) leaks.storedBytes = stored.map(([name]) => name);
      expect(leaks).toEqual({});
      expect(api).toContain('[redacted:');
    } finally {
      if (started.cli.child.exitCode === null) started.cli.child.kill('SIGKILL');
    }
  }, 120_000);
});
