import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * A bench server module and the bench modules it imports, transpiled from TypeScript to plain
 * JavaScript under `bench/.bench-tmp/plain/`, so that the process runs on plain `node` as a
 * deployed tap does. Under `--import tsx` every process carries tsx's module-loader thread (its
 * own V8 isolate, ≈ 33 MB here), which no shipped process has. Returns the entry's `.js` path.
 * Type checking is `npm run typecheck`'s job; this only strips the types.
 */
export function plainEntry(modulePath: string): string {
  const entry = resolve(modulePath);
  // The `bench/` folder of the checkout the module is in (`bench:tap:gc --against=DIR` runs another's).
  const at = entry.lastIndexOf(`${sep}bench${sep}`);
  if (at < 0) throw new Error(`plainEntry: ${entry} is not under a bench/ folder`);
  const benchRoot = entry.slice(0, at + sep.length + 'bench'.length);
  // Inside that checkout, so the output resolves `node_modules` as the sources do; git-ignored.
  const outPath = (file: string): string => {
    const inside = relative(benchRoot, file);
    if (inside.startsWith('..')) throw new Error(`plainEntry: ${file} is not under ${benchRoot}`);
    return join(benchRoot, '.bench-tmp', 'plain', inside.replace(/\.ts$/, '.js'));
  };
  const done = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const out = outPath(file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    // Relative imports are written as `./x.js` beside `x.ts` (NodeNext); packages resolve from node_modules.
    for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      pending.push(resolve(dirname(file), imported.fileName.replace(/\.js$/, '.ts')));
    }
  }
  return outPath(entry);
}
