import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialPairCalls, loginBrackets } from './credential-pair-call.js';

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

describe('the brackets a credential pair is looked for at', () => {
  it('are only those a login word stands before: 10 000 brackets of ordinary text and JSON are not read', () => {
    const text = `${'f(x) = g("a", "b") + (1, 2); '.repeat(2500)}${JSON.stringify({ args: '("bob", "hunter22")'.repeat(2500) })}`;
    expect(text.split('(').length - 1).toBeGreaterThanOrEqual(10_000);
    expect(loginBrackets(text)).toEqual([]);
    expect(credentialPairCalls(text)).toEqual([]);
    const withLogin = `${text} smtp.login("me@x.com", "hunter22") ${text}`;
    expect(loginBrackets(withLogin)).toEqual([withLogin.indexOf('login(') + 5]);
    expect(taken(withLogin)).toEqual(['hunter22']);
  });

  it('reach a login word far from its bracket (blanks, `=`) and literals far inside it', () => {
    expect(taken(`auth${' '.repeat(200)}=${'\t'.repeat(50)}(${' '.repeat(300)}"bob",${' '.repeat(100)}"hunter22")`)).toEqual(['hunter22']);
    expect(taken(`# sign in as the admin, then\n${'x = 1\n'.repeat(400)}client.signIn('admin', 'hunter22')`)).toEqual(['hunter22']);
  });

  it('find what reading every bracket finds', () => {
    const words = [
      'login',
      'Login',
      'LOGIN',
      'auth',
      'basicAuth',
      'HTTPBasicAuth',
      'credentials',
      'NetworkCredential',
      'authenticate',
      'sign_in',
      'signIn',
      'SignIn',
      'getAuthor',
      'print',
      'x',
    ];
    const tails = [
      '("bob", "hunter22")',
      ' = ("bob", "hunter22")',
      '=(\\"bob\\", \\"hunter22\\")',
      "('a', 'hunter22', x)",
      '("bob", pw)',
      '(("a", "b"), "hunter22")',
      '("a")',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...words), fc.constantFrom(...tails), fc.constantFrom(' ', '(', ')', ', ', '"', '\n', 'auth=(')),
          { maxLength: 30 },
        ),
        (parts) => {
          const text = parts.join('');
          expect(credentialPairCalls(text)).toEqual(credentialPairCalls(text, true));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
