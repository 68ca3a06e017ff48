import { describe, expect, it } from 'vitest';
import { argumentKind, sameArgument } from './argument-value.js';

describe('sameArgument: tool-call arguments as typed values', () => {
  it('reads a path lexically: "." segments, doubled slashes, "dir/.." and a trailing slash name the same file', () => {
    expect(argumentKind('/records/2026/./a.pdf')).toBe('path');
    expect(sameArgument('/records/2026/a.pdf', '/records/2026/./a.pdf')).toBe(true);
    expect(sameArgument('src/a.ts', 'src//a.ts')).toBe(true);
    expect(sameArgument('src/a.ts', 'src/lib/../a.ts')).toBe(true);
    expect(sameArgument('./src/a.ts', 'src/a.ts')).toBe(true);
    expect(sameArgument('C:\\data\\a.txt', 'C:/data/a.txt')).toBe(true);
    expect(sameArgument('/srv/out/', '/srv/out')).toBe(true);
  });

  it('still tells different files apart, above the root and relative to it included', () => {
    expect(sameArgument('/records/2026/a.pdf', '/records/2026/b.pdf')).toBe(false);
    expect(sameArgument('../a.ts', 'a.ts')).toBe(false);
    expect(sameArgument('/a.ts', 'a.ts')).toBe(false);
    expect(sameArgument('src/a.ts', 'lib/../../src/a.ts')).toBe(false);
  });

  it('compares dates as instants, numbers within the tolerance, identifiers and enums exactly', () => {
    expect(sameArgument('2026-12-03T10:00:00Z', '2026-12-03T11:00:00+01:00')).toBe(true);
    expect(sameArgument('2026-12-03', '2026-12-05')).toBe(false);
    expect(sameArgument('35.00', '35.2', 0.01)).toBe(true);
    expect(sameArgument('100', '102', 0.01)).toBe(false);
    expect(sameArgument('APT-1042', 'APT-1024')).toBe(false);
    expect(sameArgument('morning', 'evening')).toBe(false);
  });
});
