import { describe, expect, it } from 'vitest';
import { identifiedByPasswords } from './sql-identified-by.js';

const taken = (text: string) => identifiedByPasswords(text).map(([s, e]) => text.slice(s, e));

describe("SQL's IDENTIFIED BY", () => {
  it('takes the quoted literal, after a plugin too, and a bare word in a user statement', () => {
    expect(taken("CREATE USER 'u'@'%' IDENTIFIED BY 'hunter22';")).toEqual(['hunter22']);
    expect(taken("alter user app identified with mysql_native_password by 'hunter22'")).toEqual(['hunter22']);
    expect(taken('CREATE USER app IDENTIFIED BY hunter22;')).toEqual(['hunter22']);
  });

  it('leaves prose', () => {
    expect(taken('An element identified by a reference from a prior result.')).toEqual([]);
  });
});
