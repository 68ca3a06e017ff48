import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store.js';
import { freshPostgresUrl, hasPostgres } from './postgres.js';

const child = fileURLToPath(new URL('./fixtures/open-store-child.ts', import.meta.url));
const racers = 6;

interface Outcome {
  readonly code: number | null;
  readonly stderr: string;
}

/** Starts `racers` processes, waits until each has loaded, then lets them all migrate at once. */
async function race(url: string): Promise<Outcome[]> {
  const children: ChildProcess[] = [];
  const outcomes: Promise<Outcome>[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < racers; i++) {
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child, url], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(proc);
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    ready.push(new Promise((resolve) => proc.stdout?.once('data', () => resolve())));
    outcomes.push(new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stderr }))));
  }
  await Promise.all(ready);
  for (const proc of children) proc.stdin?.write('go\n');
  return Promise.all(outcomes);
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('concurrent first starts on an empty database', () => {
  it('SQLite: every process migrates or waits, none fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'understudy-race-'));
    dirs.push(dir);
    const file = join(dir, 'race.db');
    const outcomes = await race(file);
    expect(outcomes.filter((o) => o.code !== 0).map((o) => o.stderr)).toEqual([]);
    const store = await openStore({ url: file });
    expect(await store.scan.count({})).toBe(0);
    await store.close();
  }, 60_000);

  it.skipIf(!hasPostgres())(
    'PostgreSQL: every process migrates or waits, none fails',
    async () => {
      const url = await freshPostgresUrl();
      if (url === undefined) return;
      const outcomes = await race(url);
      expect(outcomes.filter((o) => o.code !== 0).map((o) => o.stderr)).toEqual([]);
      const store = await openStore({ url });
      expect(await store.scan.count({})).toBe(0);
      await store.close();
    },
    60_000,
  );
});
