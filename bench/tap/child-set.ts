import { type ChildProcess, fork, spawn } from 'node:child_process';
import { systemClock } from '@understudy/core';
import type { ReadyMessage } from './child-ipc.js';
import { plainEntry } from './plain-entry.js';

/** How much of a child's stderr is kept to explain a failure. */
const stderrTailBytes = 4096;

interface Entry {
  readonly name: string;
  readonly child: ChildProcess;
  stderr: string;
}

/** A child that said it is ready, with the port it listens on (0 for the load generator). */
export interface StartedChild {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
}

/**
 * Every process the benchmark starts, so that all of them are stopped on the way out, on
 * success, failure or interrupt. Only these children are ever signalled, each by its own pid.
 */
export class ChildSet {
  readonly #entries: Entry[] = [];

  /**
   * Forks a TypeScript module (run through tsx) and waits for its ready message. `@understudy/*`
   * resolve to their TypeScript sources unless `shipped` is set: then to the compiled `dist/`,
   * as an installed package runs (the module itself still goes through tsx). With `plain` as well,
   * the module is transpiled to JavaScript first (`plainEntry`) and runs on plain `node`, without
   * tsx's module-loader thread: the process then holds what a deployed one does.
   */
  fork(
    name: string,
    modulePath: string,
    args: readonly string[],
    options: { execArgv?: readonly string[]; timeoutMs?: number; shipped?: boolean; plain?: boolean; stdout?: number } = {},
  ): Promise<StartedChild> {
    const plain = options.shipped === true && options.plain === true;
    const conditions = options.shipped === true ? [] : ['--conditions=source'];
    const loader = plain ? [] : ['--import', 'tsx'];
    const child = fork(plain ? plainEntry(modulePath) : modulePath, [...args], {
      execArgv: [...conditions, ...loader, ...(options.execArgv ?? [])],
      serialization: 'advanced',
      // `stdout`: a file descriptor for what the child prints (V8's --trace-gc output); else dropped.
      stdio: ['ignore', options.stdout ?? 'ignore', 'pipe', 'ipc'],
    });
    const entry = this.#track(name, child);
    return new Promise((resolve, reject) => {
      const timer = systemClock.setTimeout(
        () => fail(new Error(`${name} not ready within ${options.timeoutMs ?? 20_000} ms`)),
        options.timeoutMs ?? 20_000,
      );
      const onMessage = (message: ReadyMessage): void => {
        if (message?.type !== 'ready') return;
        done();
        resolve({ name, child, port: message.port });
      };
      const onExit = (code: number | null, signal: string | null): void =>
        fail(new Error(`${name} exited before ready (code ${code}, signal ${signal})`));
      const done = (): void => {
        timer.cancel();
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const fail = (error: Error): void => {
        done();
        reject(new Error(`${error.message}${entry.stderr === '' ? '' : `\n--- ${name} stderr ---\n${entry.stderr}`}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  /** Spawns `node` with the given arguments (for a server that cannot speak our IPC). */
  spawnNode(name: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildProcess {
    const child = spawn(process.execPath, [...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    this.#track(name, child);
    return child;
  }

  /** The last few KB a child wrote to stderr. */
  stderrOf(name: string): string {
    return this.#entries.find((e) => e.name === name)?.stderr ?? '';
  }

  /** SIGTERM to every child still running, then SIGKILL to those still there after `graceMs`. */
  async stopAll(graceMs = 3_000): Promise<void> {
    const alive = this.#entries.filter((e) => isRunning(e.child));
    for (const e of alive) e.child.kill('SIGTERM');
    await Promise.all(alive.map((e) => waitForExit(e.child, graceMs)));
    this.killAllNow();
  }

  /** SIGKILL to every child still running; synchronous, so it also works in an `exit` handler. */
  killAllNow(): void {
    for (const e of this.#entries) if (isRunning(e.child)) e.child.kill('SIGKILL');
  }

  #track(name: string, child: ChildProcess): Entry {
    const entry: Entry = { name, child, stderr: '' };
    // Spawn and IPC failures surface where they are awaited; never as an unhandled 'error' event.
    child.on('error', (error) => {
      entry.stderr = `${entry.stderr}\n[bench] ${String(error)}`.slice(-stderrTailBytes);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      entry.stderr = (entry.stderr + chunk.toString('utf8')).slice(-stderrTailBytes);
    });
    this.#entries.push(entry);
    return entry;
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Resolves when the child exits, or after `ms` (whichever comes first). */
export function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = systemClock.setTimeout(resolve, ms);
    child.once('exit', () => {
      timer.cancel();
      resolve();
    });
  });
}

/**
 * Sends `message` to a child and resolves with the first reply that `accept` takes; rejects if the
 * child exits or nothing comes within `timeoutMs`.
 */
export function ask<T>(child: ChildProcess, message: object, accept: (reply: unknown) => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = systemClock.setTimeout(() => finish(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (reply: unknown): void => {
      const value = accept(reply);
      if (value === undefined) return;
      finish(undefined);
      resolve(value);
    };
    const onExit = (): void => finish(new Error('child exited before replying'));
    const finish = (error: Error | undefined): void => {
      timer.cancel();
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    // A child on its way out closes the channel: report that as this request's failure.
    child.send(message, (error) => {
      if (error !== null) finish(error);
    });
  });
}
