import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../../test/judged.js';

// A longer answer that names a number production states again, to talk about it (refersBack).
const api =
  'The 503 responses mean the upstream pool is full: on the Starter plan it holds 20 connections. Retry after the number of seconds in the `Retry-After` header.';
const apiBaselines = [
  'A 503 means the upstream pool is full - 20 connections on the Starter plan. Wait for the `Retry-After` seconds before you retry.',
  'Those 503s say the upstream pool is full; Starter allows 20 connections. Retry once `Retry-After` seconds have passed.',
  'The pool is full: Starter plans hold 20 upstream connections, hence the 503 responses. Honour `Retry-After` before retrying.',
];
const longer = `Good question - 503s can be puzzling the first time. ${api} Happy to look at your logs if they keep coming.`;

describe('a number said again in a courtesy or an evaluation', () => {
  it('refers back to the claim that states it: noise with 0, 1 and 3 baselines', () => {
    for (const n of [0, 1, 3]) expect(found(api, longer, apiBaselines.slice(0, n))).toEqual([]);
  });

  it('is still a claim where the clause commits to something with it, or bounds a claim by it', () => {
    expect(found(api, `${api} Every 503 response is also billed as a request.`)).toContain('added_claim');
    expect(found(api, `${api} You are locked out until the 20th retry.`, apiBaselines.slice(0, 1))).toContain('added_claim');
  });

  it('is still a claim where the number is a price said again (what it buys)', () => {
    const piercing = 'Ear piercing is $30 including the stud. Aftercare solution is sold separately for $8.';
    expect(found(piercing, `${piercing} Your $30 also gets you a bottle of aftercare solution.`)).not.toEqual([]);
  });
});
