import type { CliIo } from '../cli-io.js';

/** One `understudy` subcommand. `run` returns the exit code; long-running ones stop on `signal`. */
export interface Command {
  readonly summary: string;
  run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number>;
}
