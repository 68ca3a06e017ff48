import { createHmac } from 'node:crypto';

/** Hex characters of the HMAC kept in a placeholder: 48 bits, ample to tell secrets apart. */
const tagLength = 12;
/** Recent secrets remembered: the same API key arrives on every request, an HMAC each time is waste. */
const memoSize = 1024;

/**
 * Maps a secret to a stable placeholder such as `[redacted:email:3f9a1c2b7d4e]`: an
 * HMAC-SHA256 under the redaction key, so the same secret always gives the same token (joins
 * and comparisons still work) while nobody without the key can test guesses against it.
 */
export function placeholderFor(key: string): (kind: string, secret: string) => string {
  let memo = new Map<string, string>();
  return (kind, secret) => {
    const memoKey = `${kind}\0${secret}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const token = `[redacted:${kind}:${createHmac('sha256', key).update(secret).digest('hex').slice(0, tagLength)}]`;
    // Bounded: past the limit start over rather than track recency (cheap, and still bounded).
    if (memo.size >= memoSize) memo = new Map();
    if (secret.length <= 4096) memo.set(memoKey, token);
    return token;
  };
}
