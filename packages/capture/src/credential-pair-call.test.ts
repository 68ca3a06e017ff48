import { describe, expect, it } from 'vitest';
import { credentialPairCalls } from './credential-pair-call.js';

const taken = (text: string) => credentialPairCalls(text).map(([s, e]) => text.slice(s, e));

describe('a user and a password given by position to a login call', () => {
  it('takes the second literal of a call or tuple named for logging in, quotes escaped or not', () => {
    expect(taken('requests.get(url, auth=("bob", "hunter22"))')).toEqual(['hunter22']);
    expect(taken("HTTPBasicAuth('bob', 'hunter22')")).toEqual(['hunter22']);
    expect(taken('smtp.login("me@x.com", "hunter22")')).toEqual(['hunter22']);
    expect(taken('{"code":"client.authenticate(\\"bob\\", \\"hunter22\\")"}')).toEqual(['hunter22']);
  });

  it('leaves other calls, a variable in second place and one literal', () => {
    for (const text of ['print("hello", "world")', 'login("bob", password)', 'auth=("bearer",)', 'getAuthor("a", "b")'])
      expect(taken(text), text).toEqual([]);
  });
});
