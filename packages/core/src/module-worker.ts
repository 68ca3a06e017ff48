import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` beside the module at `from` (its `import.meta.url`):
 * `name.js` when `from` is built, `name.ts` when it is a source file (tests and benches run the
 * sources) — then tsx's loader is registered in the thread before the entry is imported, and the
 * thread resolves packages under the `source` condition as the process does.
 */
export function moduleWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = from.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, from);
  if (!fromSource) return new Worker(entry, options);
  // An eval'd worker resolves bare specifiers from the process's cwd, so tsx's ESM entry is
  // located from this file instead.
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { ...options, eval: true, execArgv: [...(options.execArgv ?? []), '--conditions=source'] });
}

function tsxApiUrl(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  // Module runners without `import.meta.resolve` (vitest): the package's ESM build beside its CJS one.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
}
