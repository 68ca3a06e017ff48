import type { Logger } from '@understudy/core';
import { type CliIo, UsageError } from './cli-io.js';
import { createCliLogger } from './cli-logger.js';

/** The `--log-format` flag every long-running role takes. */
export const logFormatFlag = { 'log-format': { type: 'string' } } as const;

export interface RoleOutput {
  readonly logger: Logger;
  /** Whether a person is reading: readable lines and a banner, rather than JSON lines. */
  readonly readable: boolean;
  /** Prints a short banner (title and aligned `label value` lines) when a person is reading. */
  banner(title: string, lines: readonly (readonly [string, string])[]): void;
}

/**
 * How a scale-out role (`tap`, `control`, `egress`, `canary run`) talks: on a terminal, a short
 * banner and one readable line per log record, as `start` does; when stdout is not a terminal
 * (a log shipper, a pipe) or with `--log-format json`, JSON lines only.
 */
export function roleOutput(io: CliIo, format: unknown): RoleOutput {
  if (format !== undefined && format !== 'json' && format !== 'pretty')
    throw new UsageError(`--log-format must be json or pretty, got ${JSON.stringify(format)}`);
  const readable = format === 'pretty' || (format === undefined && io.isTty);
  return {
    logger: createCliLogger(io, { readable }),
    readable,
    banner(title, lines) {
      if (!readable) return;
      const width = Math.max(...lines.map(([label]) => label.length));
      io.stdout(['', title, ...lines.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`), '', ''].join('\n'));
    },
  };
}
