import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CapturedIo, captureIo } from '../../test/capture-io.js';
import { run } from '../run.js';

const capture = (): CapturedIo => captureIo();

describe('understudy export --out', () => {
  it('writes the file and says how many exchanges it holds', async () => {
    const c = capture();
    expect(await run(['export', '--out', 'all.jsonl'], c.io)).toBe(0);
    expect(readFileSync(join(c.dir, 'all.jsonl'), 'utf8')).toBe('');
    expect(c.err()).toBe('exported 0 exchanges to all.jsonl\n');
  });

  it('a file it cannot create is a one-line input error (exit 2), not a crash', async () => {
    const c = capture();
    expect(await run(['export', '--out', 'no-such-dir/all.jsonl'], c.io)).toBe(2);
    expect(c.err()).toMatch(/^understudy export: cannot write no-such-dir\/all\.jsonl: ENOENT/);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
  });
});
