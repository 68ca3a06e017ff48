import { createRedactor, priceLookup, type RecordDeps } from '@understudy/capture';
import { type Config, systemRandom } from '@understudy/core';
import { readOrCreateRedactionKey } from './secrets.js';

/**
 * How commands that record outside the tap (import, replay) record: the tap's redaction policy
 * under the same key (so a secret gets the same placeholder whichever path saw it), its prices
 * and its body cap. `key` overrides the redaction key (a process that drew its own, like the demo).
 */
export function recordDepsFor(config: Config, dataDir: string, key?: string): RecordDeps {
  key ??= config.tap.redaction.key ?? readOrCreateRedactionKey(dataDir, systemRandom);
  return {
    redactor: createRedactor(config.tap.redaction, key),
    prices: priceLookup(config.tap.pricing),
    maxBodyBytes: config.tap.capture.maxBodyBytes,
  };
}
