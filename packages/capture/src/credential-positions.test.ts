import { parseConfig } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isForeignSecretName } from './foreign-secret-words.js';
import { isSecretName } from './header-policy.js';
import { randomShortToken } from './random-short-token.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'credential-positions-test-key-0123456789');
const fresh = () => redactor.forExchange();

describe('secrets known by where they stand', () => {
  it('a short random token after a credential segment of a URL path', () => {
    expect(fresh().path('/v1/keys/Kq8Zx2Vb7Np9Lc3R/rotate')).toMatch(/^\/v1\/keys\/\[redacted:path_token:\w+\]\/rotate$/);
    expect(fresh().path('/api/token/Qx7Zr2LmX9vT/refresh')).not.toContain('Qx7Zr2LmX9vT');
    expect(fresh().path('/hooks/9f8e7d6c5b4a39281716')).not.toContain('9f8e7d6c5b4a39281716');
    expect(fresh().path('/api/webhooks/1234567890/Wh7kP2mZ9qR4tL8x')).toBe(fresh().path('/api/webhooks/1234567890/Wh7kP2mZ9qR4tL8x'));
    expect(fresh().path('/api/webhooks/1234567890/Wh7kP2mZ9qR4tL8x')).toMatch(/^\/api\/webhooks\/1234567890\/\[redacted:/);
    expect(fresh().path('/v1/api-keys/Zr2LmX9vTb4Nc')).not.toContain('Zr2LmX9vTb4Nc');
  });

  it('leaves ids, words and versions in a path, and segments after a plain word', () => {
    for (const path of [
      '/v1/chat/completions',
      '/v1/orders/123e4567-e89b-12d3-a456-426614174000',
      '/v1/keys/rotate',
      '/v1/keys/1234567890',
      '/hooks/T01ABCDEF/B02GHIJKL',
      '/v1/tokens/count/Zr2LmX9vTb4Nc',
      '/v1/models/gpt-4o-mini-2024',
    ])
      expect(fresh().path(path)).toBe(path);
  });

  it('a path kept as it came on an earlier exchange still loses a secret this exchange knows', () => {
    const r = createRedactor(parseConfig({}).tap.redaction, 'credential-positions-test-key-0123456789');
    expect(r.forExchange().path('/v1/files/Zq7xW2mPq')).toBe('/v1/files/Zq7xW2mPq');
    const next = r.forExchange();
    next.headers({ 'x-api-key': 'Zq7xW2mPq' });
    expect(next.path('/v1/files/Zq7xW2mPq')).not.toContain('Zq7xW2mPq');
    expect(r.forExchange().path('/v1/files/Zq7xW2mPq')).toBe('/v1/files/Zq7xW2mPq');
  });

  it('redacts paths seen again, with or without known secrets, as a redactor that never saw them does', () => {
    const keyName = 'credential-positions-test-key-0123456789';
    const shared = createRedactor(parseConfig({}).tap.redaction, keyName);
    const secrets = ['Zq7xW2mPq', 'Kq8Zx2Vb7Np9Lc3R', 'caf%C3%A9Pw12', 'v1'];
    const segment = fc.oneof(
      fc.constantFrom(
        'v1',
        'keys',
        'hooks',
        'files',
        'rotate',
        'Kq8Zx2Vb7Np9Lc3R',
        'Zq7xW2mPq',
        '1234567890',
        'a+b',
        'x%2Fy',
        'Zq7x%572mPq',
        'Zq7xW2m+Pq',
        '\\u0041',
      ),
      fc.stringMatching(/^[A-Za-z0-9._-]{0,12}$/),
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((p) => `/${p.join('/')}`);
    const visits = fc.array(fc.tuple(path, fc.subarray(secrets)), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(visits, (steps) => {
        for (const [p, known] of steps) {
          const headers = Object.fromEntries(known.map((k, i) => [`x-api-key-${i}`, k]));
          const seen = shared.forExchange();
          seen.headers(headers);
          const never = createRedactor(parseConfig({}).tap.redaction, keyName).forExchange();
          never.headers(headers);
          expect(seen.path(p)).toBe(never.path(p));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a short random token after a label, however the label is written', () => {
    const r = fresh();
    for (const text of [
      'my api key: Zr2LmX9vTb4Nc thanks',
      'Key: Zr2LmX9vTb4Nc',
      'my token is Nm3Rt8Vx2Kp.',
      'the key was Nm3Rt8Vx2Kp',
      'use key Nm3Rt8Vx2Kp now',
      'session: 7hG2kP9xQ4',
    ])
      expect(r.text(text), text).not.toMatch(/Zr2LmX9vTb4Nc|Nm3Rt8Vx2Kp|7hG2kP9xQ4/);
  });

  it('leaves prose after the same labels', () => {
    for (const text of [
      'Key: the main idea is speed',
      'Session: 45 minutes',
      'the token limit is 4000',
      'the key is important',
      'Token: gpt-4o-mini counts them',
      'key version2 of the plan',
      'session 2024-05-01 starts',
    ])
      expect(fresh().text(text), text).toBe(text);
  });

  it('password, secret, key and token words of other languages name a secret field or parameter', () => {
    for (const name of [
      'Passwort',
      'benutzerKennwort',
      'contraseña',
      'contrasena',
      'mot_de_passe',
      'motDePasse',
      'senha',
      'wachtwoord',
      'hasło',
      'пароль',
      '密码',
      '用户密码',
      'パスワード',
      'geheimnis',
      'api_schluessel',
      'токен',
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['parola', 'включить', 'sessione_id', 'segreteria', 'senhor', 'clavel', 'motivo', 'contrato'])
      expect(isForeignSecretName(name), name).toBe(false);
    const body = fresh().body('{"Passwort":"KuchenBlau","user":{"senha":"gatoazulado","пароль":"sinijkot"}}', 'application/json');
    expect(body).not.toMatch(/KuchenBlau|gatoazulado|sinijkot/);
    expect(body).toContain('"пароль":"[redacted:secret:');
    expect(JSON.parse(body)).toHaveProperty('user.senha');
    const query = fresh().query('user=bob&contrasena=perroverde&Passwort=kuchenblau&motdepasse=chatonbleu');
    expect(query).toMatch(/^user=bob&contrasena=%5Bredacted.*&Passwort=%5Bredacted.*&motdepasse=%5Bredacted/);
  });

  it('reads a random short token by its shape', () => {
    for (const t of ['Zr2LmX9vTb4Nc', 'Nm3Rt8Vx2Kp', '9f8e7d6c5b4a39281716', 'Kq8Zx2Vb7Np9Lc3R']) expect(randomShortToken(t), t).toBe(true);
    for (const t of ['gpt-4o-mini', '2024-05-01', 'version2', 'abc', 'Wikipedia2023', '1234567890', 'T01ABCDEF'])
      expect(randomShortToken(t), t).toBe(false);
  });
});
