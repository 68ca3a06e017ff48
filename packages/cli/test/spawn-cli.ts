import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
// tsx looks for tsconfig.json from the working directory; a test's is a temporary one, and the
// dashboard's TSX needs the repository's JSX settings (hono/jsx).
const tsconfig = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/** A running `understudy` child process and what it printed so far. */
export interface SpawnedCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exit: Promise<number | null>;
}

/** Runs the CLI from its sources as a real child process, as a user would (`understudy …`). */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
  options: {
    /** In a process group of its own, as a terminal's foreground job: `process.kill(-pid)` signals it all. */ detached?: boolean;
  } = {},
): SpawnedCli {
  const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, main, ...args], {
    cwd,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached === true,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Runs one short command to its end: its exit code and output. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = spawnCli(args, env, cwd);
  const code = await cli.exit;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
