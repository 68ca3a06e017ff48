import { describe, expect, it } from 'vitest';
import { pairedSecretParameters, parameterNames } from './paired-parameters.js';

const paired = (query: string) => [...pairedSecretParameters(parameterNames(query))];

describe('parameters secret only beside another', () => {
  it('an authorization code beside its state or grant, an assertion beside its grant, a short password beside a user', () => {
    expect(paired('code=x&state=y')).toEqual(['code']);
    expect(paired('grant_type=authorization_code&code=x&redirect_uri=z')).toEqual(['code']);
    expect(paired('grant_type=jwt-bearer&assertion=x')).toEqual(['assertion']);
    expect(paired('user=bob&pass=x')).toEqual(['pass']);
  });

  it('each alone is ordinary', () => {
    for (const q of ['code=404&page=2', 'p=2&q=shoes', 'pass=true', 'assertion=x']) expect(paired(q), q).toEqual([]);
  });
});
