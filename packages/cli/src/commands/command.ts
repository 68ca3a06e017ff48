import type { CliIo } from '../cli-io.js';

/** One `understudy` subcommand. `run` returns the exit code; long-running ones stop on `signal`. */
export interface Command {
  run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number>;
}

/**
 * A registry entry: the one-line summary `--help` lists, and the command's module, imported
 * only when the command runs — so `understudy tap` does not load the canary controller, the
 * replayer or the control plane, and stays small in memory.
 */
export interface CommandEntry {
  readonly summary: string;
  load(): Promise<Command>;
}
