import { type ChildProcess, spawn } from 'node:child_process';

/** A child process and the URL it announces on stdout or stderr (`"url":"http://…"`, as `understudy tap` logs it). */
export interface AnnouncedChild {
  readonly proc: ChildProcess;
  readonly url: Promise<string>;
}

/** Spawns `node args…` in `cwd` and resolves its URL once it prints one; rejects if it exits first. */
export function announcedChild(args: readonly string[], env: Readonly<Record<string, string>>, cwd: string): AnnouncedChild {
  const proc = spawn(process.execPath, [...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (b: Buffer): void => {
      buffer = (buffer + b.toString()).slice(-4096);
      const m = /"url":"(http:\/\/[^"]+)"/.exec(buffer);
      if (m?.[1] !== undefined) resolve(m[1]);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${buffer.slice(-500)}`)));
  });
  url.catch(() => {});
  return { proc, url };
}
