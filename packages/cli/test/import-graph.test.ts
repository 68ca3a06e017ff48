/**
 * The import rules of design.md, checked over the sources: each workspace imports only the
 * packages below it (core ← store, compare, capture ← tap, egress, replay, canary ← server ←
 * cli), `index.ts` is the only way in (no deep `@understudy/x/src/…` imports), and nothing under
 * `packages/` below the server reaches `replay/` or `canary/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** What each workspace's non-test sources may import (ours only). */
const allowed: Record<string, readonly string[]> = {
  'packages/core': [],
  'packages/store': ['core'],
  'packages/compare': ['core'],
  'packages/capture': ['core'],
  'packages/tap': ['core', 'store', 'capture'],
  'packages/egress': ['core', 'store', 'capture', 'tap'],
  replay: ['core', 'store', 'compare', 'capture'],
  canary: ['core', 'store'],
  'packages/demo-agent': ['core'],
  // OpenTelemetry GenAI export: reads stored exchanges and comparisons, beside replay.
  'packages/otel': ['core', 'store', 'compare'],
  'packages/server': ['core', 'store', 'compare', 'capture', 'tap', 'egress', 'replay', 'canary'],
  'packages/cli': ['core', 'store', 'compare', 'capture', 'tap', 'egress', 'replay', 'canary', 'server', 'demo-agent', 'otel'],
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const ours = /from '@understudy\/([a-z-]+)(\/[^']*)?'|import\('@understudy\/([a-z-]+)(\/[^']*)?'\)/g;

describe('import graph', () => {
  it('every workspace imports only the packages below it, through their index', () => {
    const broken: string[] = [];
    for (const [workspace, may] of Object.entries(allowed)) {
      for (const file of sources(join(root, workspace, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(ours)) {
          const name = m[1] ?? m[3] ?? '';
          const deep = m[2] ?? m[4];
          const where = relative(root, file);
          if (deep !== undefined) broken.push(`${where}: deep import @understudy/${name}${deep}`);
          else if (!may.includes(name) && `packages/${name}` !== workspace) broken.push(`${where}: imports @understudy/${name}`);
        }
        // Below the server, nothing reaches replay/ or canary/ by a relative path either.
        if (
          workspace.startsWith('packages/') &&
          !['packages/server', 'packages/cli'].includes(workspace) &&
          /from '(\.\.\/)+(replay|canary)\//.test(text)
        )
          broken.push(`${relative(root, file)}: reaches replay/ or canary/`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('knows every workspace: a new package must say which floor it is on', () => {
    const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
    expect(workspaces.filter((w) => !(w in allowed))).toEqual([]);
  });

  it('catches a violation (the check is not vacuous)', () => {
    const line = "import { createTap } from '@understudy/tap';";
    const names = [...line.matchAll(ours)].map((m) => m[1]);
    expect(names).toEqual(['tap']);
    expect(allowed['packages/capture']?.includes('tap')).toBe(false);
  });
});
