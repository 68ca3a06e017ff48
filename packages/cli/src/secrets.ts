import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, Random } from '@understudy/core';
import { systemRandom } from '@understudy/core';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A fresh admin token: 32 random bytes as hex. */
export function generateToken(random: Random): string {
  return hex(random.bytes(32));
}

/**
 * This configuration's redaction key: `tap.redaction.key` (or `UNDERSTUDY_REDACTION_KEY`), else
 * `<dataDir>/redaction.key` (see {@link readOrCreateRedactionKey}). Every process of one store
 * uses it: for placeholders, egress recordings and the versions' sealed header values.
 */
export function redactionKeyOf(config: Config, dataDir: string, random: Random = systemRandom): string {
  return config.tap.redaction.key ?? readOrCreateRedactionKey(dataDir, random);
}

/**
 * The redaction key from `<dataDir>/redaction.key`, created (mode 0600, 32 random bytes hex)
 * on first use. Placeholders are keyed hashes, so the key must outlive the process: the same
 * secret must map to the same placeholder across restarts and across processes sharing a DB.
 */
export function readOrCreateRedactionKey(dataDir: string, random: Random): string {
  const file = join(dataDir, 'redaction.key');
  const existing = readKey(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if another process created the file first; then its key wins.
    writeFileSync(file, `${hex(random.bytes(32))}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = readKey(file);
  if (key === undefined) throw new Error(`${file} holds no usable key (expected at least 16 characters)`);
  return key;
}

function readKey(file: string): string | undefined {
  try {
    const key = readFileSync(file, 'utf8').trim();
    return key.length >= 16 ? key : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
