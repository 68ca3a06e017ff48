import { describe, expect, it } from 'vitest';
import { triedValues } from './tried-value.js';

const taken = (text: string): string[] => triedValues(text).map(([s, e]) => text.slice(s, e));

describe('a value an error names only as tried', () => {
  it('takes it quoted or credential-shaped after a word of signing in or of a secret on its line', () => {
    expect(taken("login failed: tried 'Tr0ub4dor&3' for user x")).toEqual(['Tr0ub4dor&3']);
    expect(taken('auth failed, Tried "two words"')).toEqual(['two words']);
    expect(taken('{"error":"invalid password; tried \\"Zq9!x\\" for bob"}')).toEqual(['Zq9!x']);
    expect(taken('Password rejected (tried Zq9!xW)')).toEqual(['Zq9!xW']);
    expect(taken('sign-in error: tried with `hunter2`')).toEqual(['hunter2']);
  });

  it('leaves what was tried in other lines and words that are no credential', () => {
    expect(taken("we tried 'npm ci' first")).toEqual([]);
    expect(taken('login failed: tried again later')).toEqual([]);
    expect(taken('the login failed.\nThen we tried "rm -rf node_modules"')).toEqual([]);
    expect(taken('login failed after it retried 3 times')).toEqual([]);
    expect(taken('login failed: tried 3 times')).toEqual([]);
  });
});
