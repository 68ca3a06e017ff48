import type { Random } from '@understudy/core';

const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id like the providers' (`chatcmpl-…`, `msg_…`), drawn from the injected Random. */
export function randomId(random: Random, prefix: string, length = 24): string {
  let out = prefix;
  for (const b of random.bytes(length)) out += chars[b % chars.length];
  return out;
}
