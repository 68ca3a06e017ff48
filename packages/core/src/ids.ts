import type { Clock } from './clock.js';
import type { Random } from './random.js';

// Crockford's base32: sortable, case-insensitive, no ambiguous letters.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdGenerator = () => string;

/**
 * ULID-style ids: 10 characters of millisecond time then 16 of randomness, so ids sort by
 * creation time and serve directly as paging cursors. Within one millisecond the random part
 * is incremented, keeping ids from one generator strictly increasing.
 */
export function createIdGenerator(deps: { clock: Clock; random: Random }): IdGenerator {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const time = deps.clock.now();
    if (time === lastTime) {
      increment(lastRandom);
    } else {
      lastTime = time;
      lastRandom = Array.from(deps.random.bytes(16), (b) => b % 32);
    }
    let head = '';
    let t = time;
    for (let i = 0; i < 10; i++) {
      head = alphabet[t % 32] + head;
      t = Math.floor(t / 32);
    }
    return head + lastRandom.map((d) => alphabet[d]).join('');
  };
}

function increment(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = (digits[i] ?? 0) + 1;
    if (d < 32) {
      digits[i] = d;
      return;
    }
    digits[i] = 0;
  }
}
