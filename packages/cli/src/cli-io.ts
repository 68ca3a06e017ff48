/**
 * What a command may touch of the outside world. `main.ts` builds the real one from
 * `process`; tests pass their own, so commands never read argv/env or exit by themselves.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, progress bars). */
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit codes of the public contract: 0 ok, 1 gate/threshold breached, 2 usage or input error. */
export const exitCode = { ok: 0, breached: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCode)[keyof typeof exitCode];

/** A usage or input error: `main` prints its one-line message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
