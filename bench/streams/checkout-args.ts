import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The command line of a bench that measures one or more checkouts' built capture code, each in
 * processes of its own (`capture-alloc.ts`, `capture-steady.ts`): `--root=DIR` (repeatable; this
 * checkout by default), `--events=`, `--chunk-bytes=`, `--rounds=`, and the load to print.
 */
export function checkoutArgs(argv: readonly string[] = process.argv.slice(2)) {
  const arg = (name: string, fallback: string): string => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const roots = argv.filter((a) => a.startsWith('--root=')).map((a) => resolve(a.slice('--root='.length)));
  if (roots.length === 0) roots.push(resolve('.'));
  return {
    arg,
    roots,
    events: Number(arg('events', '200')),
    chunkBytes: Number(arg('chunk-bytes', '200')),
    rounds: Number(arg('rounds', '5')),
    child: argv.includes('--child'),
    load: (): string =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
  };
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

/**
 * How `root`'s `packParts` takes a capture: checkouts before 2026-12-04 14:20 UTC read
 * `streamUsage` and `sseDropped` as values, later ones call them (the end-of-stream scan runs
 * at the first read). The harness's captures (`streamCapture`) call; for an older checkout they
 * are read once first.
 */
export function captureFor(root: string): <C extends { streamUsage(): unknown; sseDropped(): number }>(capture: C) => C {
  const lazy = readFileSync(join(root, 'packages/tap/dist/forward/forward.js'), 'utf8').includes('sseDropped: () =>');
  return (capture) =>
    lazy ? capture : ({ ...capture, streamUsage: capture.streamUsage(), sseDropped: capture.sseDropped() } as unknown as typeof capture);
}
