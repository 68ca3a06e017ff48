import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { chatDeltas } from '../test/chat-deltas.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'private-key-block-test-key-0123456789');

/**
 * A PEM key with ONE body line was reported to leak after trust audit 5's wrap-rule change; audit 6
 * could not make it leak (5 400 combinations of body, kind, framing, protocol and delta size): kept
 * as a regression test over every delta size up to 13.
 */
describe('a private key of one body line', () => {
  const bodies = ['MIIEowIBAAKCAQEAs6OneLinePemBodyAbCdEfGhIjKlMn', 'MHcCAQEEIBs6Short', 'QUJD'];
  const kinds = ['RSA PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

  it('is redacted in text, in a JSON string and across chat deltas of any size', () => {
    for (const body of bodies)
      for (const kind of kinds) {
        const pem = `Here is my key:\n-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\nthanks`;
        expect(redactor.forExchange().body(pem, 'text/plain')).not.toContain(body);
        expect(redactor.forExchange().body(JSON.stringify({ m: pem }), 'application/json')).not.toContain(body);
        for (let size = 1; size <= 13; size++) {
          const cuts = Array.from({ length: Math.ceil(pem.length / size) }, (_, i) => (i + 1) * size);
          const events = redactor.forExchange().events(chatDeltas(pem, cuts));
          const text = events
            .map((e) => (JSON.parse(e.data) as { choices: { delta: { content: string } }[] }).choices[0]?.delta.content)
            .join('');
          expect(text, `${kind} ${body} in deltas of ${size}`).not.toContain(body);
          expect(text).toContain(`-----END ${kind}-----`);
        }
      }
  });
});
