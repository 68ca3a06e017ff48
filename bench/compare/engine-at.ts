import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Compare from '@understudy/compare';

/** The compare package's public surface, as loaded from this worktree or from a git ref. */
export type Engine = typeof Compare;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const git = (...args: string[]): string => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();

/**
 * packages/compare as it was at a git ref (default: the merge-base of HEAD with main), for
 * comparing this worktree's engine with it. The ref's sources are exported (not checked out)
 * under the git-ignored .bench-tmp/, so their imports of @understudy/core and diff resolve
 * through this worktree's node_modules.
 */
export async function engineAt(ref?: string): Promise<{ engine: Engine; ref: string; sha: string }> {
  const name = ref ?? git('merge-base', 'HEAD', 'main');
  const sha = git('rev-parse', name);
  const dir = join(root, '.bench-tmp', 'verdict-base', sha);
  const index = join(dir, 'packages', 'compare', 'src', 'index.ts');
  if (!existsSync(index)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${root}" archive ${sha} packages/compare/src | tar -x -C "${dir}"`]);
  }
  return { engine: (await import(pathToFileURL(index).href)) as Engine, ref: name, sha };
}

/** This worktree's engine. */
export async function currentEngine(): Promise<Engine> {
  return (await import('@understudy/compare')) as Engine;
}
