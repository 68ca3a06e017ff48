import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';

const docs = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../docs');

/** The `understudy …` command lines of a doc's code blocks, continuation lines joined. */
function commandsIn(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/```(?:yaml|sh)\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const commands: string[][] = [];
  for (const block of blocks) {
    // Shell continuations (`\`) and YAML folded scalars (`- >` then indented lines) both join lines.
    const joined = block
      .replace(/\\\n\s*/g, ' ')
      .replace(/- >\n((?:\s{6,}.+\n)+)/g, (_, body: string) => `${body.trim().replace(/\n\s*/g, ' ')}\n`);
    for (const line of joined.split('\n')) {
      const at = line.search(/\bunderstudy (replay|import|export)\b/);
      if (at < 0) continue;
      const words = [
        ...line
          .slice(at)
          .replace(/\s+#.*$/, '')
          .matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g),
      ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
      commands.push(words.slice(1));
    }
  }
  return commands;
}

describe('docs/ci.md', () => {
  it('uses only flags the commands know (each command line run with --help parses)', async () => {
    const commands = commandsIn(readFileSync(resolve(docs, 'ci.md'), 'utf8'));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const argv of commands) {
      const c = captureIo();
      const code = await run([...argv, '--help'], c.io);
      expect({ argv, code, err: c.err() }).toEqual({ argv, code: 0, err: '' });
    }
  });
});
