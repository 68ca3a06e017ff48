import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { type ExchangeRole, exchangeRoles, systemClock } from '@understudy/core';
import { exportJsonl } from '@understudy/replay';
import { type ExchangeFilter, openStore } from '@understudy/store';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';
import { redactionKeyOf } from '../secrets.js';
import type { Command } from './command.js';
import { parseTimeFlag } from './replay-flags.js';

const usage = `Usage: understudy export [--format jsonl] [--out FILE] [--since T] [--until T] [--path GLOB] [--version NAME] [--role live|shadow|replay]

Writes stored exchanges oldest first as JSONL (one exchange per line, bodies in base64), to
stdout or --out FILE. "understudy import" reads it back exactly.
`;

export const exportCommand: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        format: { type: 'string' },
        out: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        path: { type: 'string' },
        version: { type: 'string' },
        role: { type: 'string' },
        config: { type: 'string' },
      },
      { positionals: true },
    );
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.format !== undefined && values.format !== 'jsonl') throw new UsageError(`--format must be jsonl, got "${values.format}"`);
    if (values.role !== undefined && !(exchangeRoles as readonly string[]).includes(values.role))
      throw new UsageError(`--role must be one of ${exchangeRoles.join(', ')}`);
    const now = systemClock.now();
    const since = parseTimeFlag('since', values.since, now);
    const until = parseTimeFlag('until', values.until, now);
    const filter: ExchangeFilter = {
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
      ...(values.path === undefined ? {} : { path: values.path }),
      ...(values.version === undefined ? {} : { version: values.version }),
      ...(values.role === undefined ? {} : { role: values.role as ExchangeRole }),
    };
    const { config, dbUrl, dataDir } = loadCliConfig(io, values.config);
    const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
    try {
      if (values.out === undefined) {
        await exportJsonl(store, filter, (chunk) => io.stdout(chunk));
        return exitCode.ok;
      }
      const file = values.out;
      const out = createWriteStream(resolve(io.cwd, file));
      // A write stream reports a failed open (no such directory, no permission) or a failed
      // write (disk full) as an 'error' event; unheard, it kills the process with a stack.
      let failed: Error | undefined;
      out.on('error', (error) => {
        failed = error;
      });
      const cannotWrite = (error: Error): UsageError => new UsageError(`cannot write ${file}: ${error.message}`);
      await new Promise<void>((opened, fail) => {
        out.once('ready', () => opened());
        out.once('error', (error) => fail(cannotWrite(error)));
      });
      const n = await exportJsonl(store, filter, (chunk) => {
        if (failed !== undefined) throw cannotWrite(failed);
        if (out.write(chunk)) return undefined;
        return new Promise<void>((drained, fail) => {
          const onError = (error: Error): void => fail(cannotWrite(error));
          out.once('error', onError);
          out.once('drain', () => {
            out.off('error', onError);
            drained();
          });
        });
      });
      await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(cannotWrite(error)) : done())));
      io.stderr(`exported ${n} exchanges to ${file}\n`);
      return exitCode.ok;
    } finally {
      await store.close();
    }
  },
};
