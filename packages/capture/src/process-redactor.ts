import { parseConfig, type Random } from '@understudy/core';
import { createRedactor, type Redactor } from './redactor.js';

/**
 * A redactor with the built-in rules, keyed by a key of this process's own: for what is logged or
 * answered rather than captured (no one can test guesses against its placeholders, and the store's
 * key is not needed to write a log line or an error).
 */
export function processRedactor(random: Random): Redactor {
  return createRedactor(parseConfig({}).tap.redaction, Buffer.from(random.bytes(32)).toString('hex'));
}
