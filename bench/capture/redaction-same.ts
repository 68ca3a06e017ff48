/**
 * Whether two trees' redaction stores the same bytes: every ordinary text (`ordinary-texts.ts`) and
 * every string literal of the secret tests (the capture package's tests and the CLI's seeders and
 * audits, `{S}` filled with a secret), each as a plain-text body, inside a chat request's JSON string
 * and as a query string, through `forExchange()` of tree A and of tree B. Prints how many differ, and
 * each that does with what A took and B stored (a secret A redacted and B did not is `LOST`).
 *
 *   heavy node --conditions=source --import tsx bench/capture/redaction-same.ts --a=/path/to/base --b=.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { argValue } from '../tap/child-ipc.js';
import { ordinaryTexts } from './ordinary-texts.js';

interface Exchange {
  body(text: string, contentType: string): string;
  query(query: string): string;
}

async function load(root: string): Promise<() => Exchange> {
  const at = (path: string): string => pathToFileURL(resolve(root, path)).href;
  const core = (await import(at('packages/core/src/index.ts'))) as { parseConfig(raw: unknown): { tap: { redaction: unknown } } };
  const capture = (await import(at('packages/capture/src/index.ts'))) as {
    createRedactor(config: unknown, key: string): { forExchange(): Exchange };
  };
  const redactor = capture.createRedactor(core.parseConfig({}).tap.redaction, 'same-key-0123456789abcdef012345678');
  return () => redactor.forExchange();
}

/** The string literals (and templates without substitutions) of a TypeScript file, unescaped. */
function literals(file: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, readFileSync(file, 'utf8'));
  const out: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan())
    if (k === ts.SyntaxKind.StringLiteral || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) out.push(scanner.getTokenValue());
  return out;
}

const secret = 'Q8xSeedPw-4k2';
const testFiles = [
  ...['packages/capture/src', 'packages/capture/test'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.test.ts') || d.endsWith('test'))
      .map((f) => join(d, f)),
  ),
  ...readdirSync('packages/cli/test')
    .filter((f) => /secret|seeded|wire-shapes/.test(f))
    .map((f) => join('packages/cli/test', f)),
];
const shapes = [
  ...new Set(
    testFiles.flatMap((f) =>
      literals(f)
        .filter((s) => s.length >= 6)
        .map((s) => s.replaceAll('{S}', secret)),
    ),
  ),
];
const texts: [string, string][] = [...shapes.map((s, i): [string, string] => [`shape:${i}`, s]), ...ordinaryTexts()];

const a = await load(argValue('a'));
const b = await load(argValue('b', '.'));
const readings: readonly [string, (x: Exchange, t: string) => string][] = [
  ['text', (x, t) => x.body(t, 'text/plain')],
  ['json', (x, t) => x.body(JSON.stringify({ messages: [{ role: 'user', content: t }] }), 'application/json')],
  ['query', (x, t) => x.query(`q=${encodeURIComponent(t)}`)],
];
const placeholder = /\[redacted:[a-z_]+:[0-9a-f]+\]|%5Bredacted%3A[a-z_]+%3A[0-9a-f]+%5D/g;
let differ = 0;
let lost = 0;
for (const [id, t] of texts)
  for (const [how, read] of readings) {
    const outA = read(a(), t);
    const outB = read(b(), t);
    if (outA === outB) continue;
    differ++;
    // What A took: the text between the parts of A's output that placeholders separate.
    const kept = outA.split(placeholder);
    const taken: string[] = [];
    let at = 0;
    for (const [i, k] of kept.entries()) {
      const found = outA === t ? -1 : t.indexOf(k, at);
      if (i > 0 && found > at) taken.push(t.slice(at, found));
      if (found !== -1) at = found + k.length;
    }
    const leaked = taken.filter((s) => s.length >= 4 && outB.includes(s));
    if (leaked.length > 0) lost++;
    console.log(`${leaked.length > 0 ? 'LOST' : 'diff'} ${how} ${id}: ${JSON.stringify(t.slice(0, 160))}`);
    console.log(`   A ${JSON.stringify(outA.slice(0, 200))}\n   B ${JSON.stringify(outB.slice(0, 200))}`);
  }
console.log(
  `${texts.length} texts (${shapes.length} from the secret tests) × ${readings.length} readings: ${differ} differ, ${lost} lose a secret A took`,
);
