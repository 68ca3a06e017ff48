import { createHmac, hkdfSync } from 'node:crypto';
import { openSealed, seal, UnderstudyError } from '@understudy/core';

/** Marks a header value kept sealed; what follows is the sealed bytes in base64url. */
const sealedPrefix = 'sealed:';

/**
 * A version's extra headers are how it authenticates to its upstream (`authorization`,
 * `x-api-key`, …), so their values are never at rest in the clear: each is sealed with
 * AES-256-GCM under a key derived from the redaction key. The IV is an HMAC of the header (a
 * synthetic IV), so the same version stored twice gives the same bytes and the routing stamp
 * (which hashes the stored headers) moves only when a value does. Every process of one store
 * must therefore share the redaction key, as it already must for egress recordings.
 */
export class VersionSecrets {
  readonly #key: Buffer;
  readonly #ivKey: Buffer;

  constructor(redactionKey: string) {
    this.#key = Buffer.from(hkdfSync('sha256', redactionKey, 'understudy', 'version-headers', 32));
    this.#ivKey = Buffer.from(hkdfSync('sha256', redactionKey, 'understudy', 'version-headers-iv', 32));
  }

  /** The headers as stored: every value sealed. */
  seal(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const iv = createHmac('sha256', this.#ivKey).update(name).update('\0').update(value).digest().subarray(0, 12);
      out[name] = sealedPrefix + Buffer.from(seal(Buffer.from(value, 'utf8'), this.#key, iv)).toString('base64url');
    }
    return out;
  }

  /** Whether any value is stored in the clear. */
  hasPlain(headers: Readonly<Record<string, string>>): boolean {
    return Object.values(headers).some((value) => !value.startsWith(sealedPrefix));
  }

  /**
   * The headers as the tap sends them. A value stored before sealing existed is returned as it
   * is; a sealed one this key cannot open (another redaction key) is a configuration error.
   */
  open(version: string, headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!value.startsWith(sealedPrefix)) {
        out[name] = value;
        continue;
      }
      const plain = openSealed(Buffer.from(value.slice(sealedPrefix.length), 'base64url'), this.#key);
      if (plain === undefined)
        throw new UnderstudyError(
          'invalid_config',
          `version ${version}: its ${name} header was sealed under another redaction key; every process of one store must share ` +
            'tap.redaction.key (UNDERSTUDY_REDACTION_KEY) or the same <dataDir>/redaction.key',
        );
      out[name] = Buffer.from(plain).toString('utf8');
    }
    return out;
  }
}
