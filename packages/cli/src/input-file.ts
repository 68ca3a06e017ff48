import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './cli-io.js';

/**
 * The absolute path of a file a command reads (`import FILE`, `diff A B`), or a usage error
 * naming it as the user wrote it: missing, or a directory (reading one fails with a bare EISDIR).
 */
export function inputFile(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`no such file: ${file}`);
  }
  if (!isFile) throw new UsageError(`${file} is a directory, not a file`);
  return path;
}
