import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

describe('a code literal written with or without backticks', () => {
  it('is the same value', () => {
    expect(judged('Edit the file `config.yaml` and restart the service.', 'Open config.yaml, change it and restart the service.')).toEqual(
      [],
    );
    expect(judged('Run make -j4 after editing src/app.conf.', 'Run `make -j4` after editing `src/app.conf`.')).toEqual([]);
  });

  it('is still a change where the literal differs', () => {
    expect(judged('Set `retries` to 3.', 'Set `max_retries` to 3.')).toEqual(['fact_changed: `retries` → `max_retries`']);
    expect(judged('Run `npm install` first, then `npm test`.', 'Run `npm ci` first, then `npm test`.')).toEqual([
      'fact_changed: `npm install` → `npm ci`',
    ]);
  });

  it('is not met by a plain word of prose', () => {
    // `provided` names a Maven scope; "supplies it at runtime" is prose, no scope.
    expect(
      judged(
        'Use `provided` for the servlet API, because the application server supplies it at runtime.',
        'Use `runtime` for the servlet API, because the application server supplies it at runtime.',
      ),
    ).not.toEqual([]);
  });

  it('in a sentence of its own is still a claim production does not make', () => {
    expect(
      judged(
        'The plugin reads its settings from config.yaml at start.',
        'The plugin reads its settings at start. Keep a copy of `config.yaml` somewhere safe.',
      ),
    ).not.toEqual([]);
  });
});
