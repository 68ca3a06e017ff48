import { describe, expect, it } from 'vitest';
import { decodeCharReferencesMapped, mayHoldCharReference } from './char-references.js';

describe('HTML character references', () => {
  it('reads references to printable ASCII and maps each read character back', () => {
    const text = '&#112;assword=&quot;x&quot; &#x41; &#169;';
    expect(mayHoldCharReference(text)).toBe(true);
    const { decoded, from } = decodeCharReferencesMapped(text);
    expect(decoded).toBe('password="x" A &#169;');
    expect(text.slice(from[9], from[11])).toBe('&quot;x');
    expect(from[decoded.length]).toBe(text.length);
  });

  it('says no reference is there when none is', () => {
    expect(mayHoldCharReference('a & b; c &amp d')).toBe(false);
    expect(mayHoldCharReference('https://x.example/?a=1&b=2&q=quota&apo=s')).toBe(false);
  });

  it('says one may be there after any number of other ampersands', () => {
    for (const text of ['?a=1&b=2&#112;', 'a&&quot;x', '&&&apos;', '&quot;']) expect(mayHoldCharReference(text), text).toBe(true);
  });
});
