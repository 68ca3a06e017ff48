import { parseDuration, systemClock } from '@understudy/core';
import type { PruneResult } from '@understudy/store';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

const usage = `Usage: understudy prune --older-than AGE [--dry-run] [--batch N] [--no-vacuum] [--json]

Deletes captured exchanges older than AGE (30d, 12h, 90m) in batches of N (default 500), each its
own short transaction, so taps keep capturing meanwhile. Never deletes what an active canary or a
running replay still needs, nor an exchange a replay result names; says what held the cut-off
back. Content no remaining exchange references is swept, and on SQLite the file is vacuumed so it
shrinks (--no-vacuum skips it; a full VACUUM briefly blocks writers). --dry-run only counts.
`;

export const pruneCommand: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, {
      'older-than': { type: 'string' },
      'dry-run': { type: 'boolean' },
      batch: { type: 'string' },
      'no-vacuum': { type: 'boolean' },
      json: { type: 'boolean' },
      config: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const age = values['older-than'] === undefined ? undefined : parseDuration(values['older-than']);
    if (age === undefined) throw new UsageError('--older-than must be an age like 30d, 12h or 90m');
    const batchSize = values.batch === undefined ? 500 : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new UsageError(`--batch must be a positive whole number, got "${values.batch}"`);
    const before = systemClock.now() - age;
    const result = await withStore(io, values.config, (store) =>
      store.retention.prune({
        before,
        batchSize,
        dryRun: values['dry-run'] === true,
        vacuum: values['no-vacuum'] === true ? 'none' : 'full',
      }),
    );
    io.stdout(values.json === true ? `${JSON.stringify(result)}\n` : describe(result, values['dry-run'] === true));
    return exitCode.ok;
  },
};

function describe(r: PruneResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'would delete' : 'deleted'} ${r.exchanges} exchange${r.exchanges === 1 ? '' : 's'} started before ${new Date(r.appliedBefore).toISOString()}`,
  ];
  if (r.heldBy.length > 0) lines.push(`cut-off held back from ${new Date(r.before).toISOString()} by ${r.heldBy.join(', ')}`);
  if (!dryRun)
    lines.push(
      `swept ${r.contentNodes} unreferenced content block${r.contentNodes === 1 ? '' : 's'}; file shrank by ${r.freedPages} pages`,
    );
  return `${lines.join('\n')}\n`;
}
