import { type ParseArgsConfig, parseArgs } from 'node:util';
import { upstreamUrlProblem } from '@understudy/core';
import { UsageError } from './cli-io.js';
import { shownUrl } from './shown-url.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type FlagConfig<T extends Options> = { args: string[]; options: T & HelpOption; strict: true; allowPositionals: boolean };
/** What {@link parseFlags} returns: `parseArgs`'s typed values and positionals. */
export type ParsedFlags<T extends Options> = ReturnType<typeof parseArgs<FlagConfig<T>>>;

/**
 * `node:util` parseArgs in strict mode, with `--help`/`-h` added and its errors turned into
 * one-line {@link UsageError}s (Node's messages carry a long hint after the first sentence).
 */
export function parseFlags<T extends Options>(args: readonly string[], options: T, config: { positionals?: boolean } = {}): ParsedFlags<T> {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as T & HelpOption,
      strict: true,
      allowPositionals: config.positionals ?? false,
    });
  } catch (error) {
    const dashed = dashedValue(args, error);
    if (dashed !== undefined)
      throw new UsageError(`${dashed.flag} needs a value: write ${dashed.flag}=${dashed.value} for one that starts with "-"`);
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
}

/**
 * The flag and value behind Node's "argument is ambiguous" (`--port -1`: a value that starts
 * with a dash reads as another option), so the reason can say how to write it.
 */
function dashedValue(args: readonly string[], error: unknown): { flag: string; value: string } | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return undefined;
  const flag = /Option '(-[^' ]+)/.exec(error.message)?.[1];
  if (flag === undefined || !error.message.includes('ambiguous')) return undefined;
  const at = args.indexOf(flag);
  const value = at === -1 ? undefined : args[at + 1];
  return value === undefined ? undefined : { flag, value };
}

/** A `--port` value: an integer 0..65535 (0 picks a free port). */
export function parsePort(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--${flag} must be a port number 0-65535, got "${value}"`);
  return Number(value);
}

/** An `--upstream` value: an absolute http(s) URL. */
export function parseUpstream(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = upstreamUrlProblem(value);
  if (problem !== undefined) throw new UsageError(`--upstream ${problem}, got "${shownUrl(value)}"`);
  return value;
}
