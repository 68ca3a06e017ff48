import { eventually } from './eventually.js';
import { type SpawnedCli, spawnCli } from './spawn-cli.js';

/** A running `understudy start` child process and where its tap and control plane listen. */
export interface StartProcess {
  readonly cli: SpawnedCli;
  readonly tapUrl: string;
  readonly controlUrl: string;
}

/**
 * Runs `understudy start --port 0 --control-port 0 …args` as a real child process in `cwd` and
 * waits until its banner names the tap's and the control plane's URLs.
 */
export async function startUnderstudy(args: readonly string[], env: Record<string, string>, cwd: string): Promise<StartProcess> {
  const cli = spawnCli(['start', '--port', '0', '--control-port', '0', ...args], env, cwd);
  try {
    const [tapUrl, controlUrl] = await eventually(() => {
      const tap = /tap\s+(http:\/\/\S+)/.exec(cli.stdout())?.[1];
      const control = /control\s+(http:\/\/\S+)/.exec(cli.stdout())?.[1];
      return tap !== undefined && control !== undefined ? ([tap, control] as const) : undefined;
    }, 60_000);
    return { cli, tapUrl, controlUrl };
  } catch (error) {
    cli.child.kill('SIGKILL');
    throw new Error(`understudy start did not come up: ${String(error)}\n${cli.stderr()}`);
  }
}
