import { lineBreakAt, lineStartAt, quotedValue, redacted, type Span, skipBlanks } from './secret-value-spans.js';

/** `… configure set `, `… config set `, `… secret set ` right before the name (aws, npm, yarn, gh, glab, dotnet user-secrets). */
const setCommand = /(?:^|[\s"'`(])(?:config(?:ure)?|secrets?|user-secrets|variable|var)[ \t]+set[ \t]+$/;
/** The value's option in `gh secret set NAME --body …` / `-b …` / `-b"…"`, `glab variable set NAME --value …`. */
const valueOption = /^[ \t]+(?:--body|-b|--value|-v)(?:[ \t]+|=|(?=\\?["']))/;

/**
 * A command line that sets a secret-named setting to a value given after the name:
 * `aws configure set aws_secret_access_key …`, `yarn config set npmAuthToken …`,
 * `npm config set //registry.npmjs.org/:_authToken …` (a legacy token is a UUID, which no shape
 * takes), `gh secret set TOKEN --body "…"`, `glab variable set API_KEY --value …`,
 * `dotnet user-secrets set "Api:Key" "…"` (the name the last part of a configuration path)
 * — `[start, end)` the name: the value, quoted or a word; or the value piped into it
 * (`echo -n '…' | gh secret set TOKEN`). Trust audit 6 found the first, third and fourth stored,
 * audit 7 the path, `-b"…"` and the piped value. PowerShell's `Set-Item env:NAME "…"` too
 * ({@link powerShellEnvValue}).
 */
export function setCommandValue(text: string, start: number, end: number): Span | undefined {
  // Every secret name reaches here: `set ` right before it (or before its quote, or before the path
  // that holds it: `//registry.npmjs.org/:_authToken`, `Api:Key`) decides before any regex runs.
  let word = start;
  if (text.charAt(word - 1) === ':') while (word > 0 && start - word <= 256 && !' \t"\''.includes(text.charAt(word - 1))) word--;
  const quote = text.charAt(word - 1) === '"' || text.charAt(word - 1) === "'" ? (text.charAt(word - 2) === '\\' ? 2 : 1) : 0;
  const blank = text.charAt(word - quote - 1);
  if ((blank !== ' ' && blank !== '\t') || !text.startsWith('set', word - quote - 4)) return powerShellEnvValue(text, start, end);
  if (!setCommand.test(text.slice(Math.max(0, word - 24), word).replace(/\\?["']$/, ''))) return undefined;
  let at = end;
  if (text.charAt(at) === '"' || text.charAt(at) === "'") at++;
  else if (text.startsWith('\\"', at)) at += 2;
  const option = valueOption.exec(text.slice(at, at + 12));
  if (option !== null) return wordValue(text, skipBlanks(text, at + option[0].length));
  if (text.charAt(at) !== ' ' && text.charAt(at) !== '\t' && !commandEndsAt(text, at)) return undefined;
  // No value after the name (or an option): one piped in before the command, if any.
  return wordValue(text, skipBlanks(text, at)) ?? pipedValue(text, word - quote - 4);
}

/** The value at `at`: a quoted string's content, or a word that is no option (`--repo`) nor a comment (`# …`). */
function wordValue(text: string, at: number): Span | undefined {
  const quoted = quotedValue(text, at);
  if (quoted !== undefined) return quoted;
  let to = at;
  while (to < text.length && !' \t\r\n"\'\\;|&)'.includes(text.charAt(to))) to++;
  const first = text.charAt(at);
  return to > at && first !== '-' && first !== '#' && first !== '<' && !redacted(text.slice(at, to)) ? [at, to] : undefined;
}

/** Whether a command ends at `at`: the text's or line's end, `;`, `&&`, `||`, or the end of the JSON string it stands in. */
function commandEndsAt(text: string, at: number): boolean {
  return at >= text.length || lineBreakAt(text, at) || ';&|"'.includes(text.charAt(at));
}

/** `echo [-n] VALUE |` or `printf '%s' VALUE |` before the command on its line (other commands may stand between: `| tr -d '\n' |`). */
const echoPipe = /(?:^|[\s;&(]|\\[nrt])(?:echo(?:[ \t]+-[neE]+)*|printf(?:[ \t]+(?:'%s'|"%s"|\\"%s\\"|%s))?)[ \t]+(\S+)[ \t]*\|[^\r\n]*$/d;

/** The value piped into the set command starting at `command` (`echo -n '…' | gh secret set TOKEN`), when one is. */
function pipedValue(text: string, command: number): Span | undefined {
  let lineStart = command;
  while (lineStart > 0 && command - lineStart <= 256 && !lineStartAt(text, lineStart)) lineStart--;
  const line = text.slice(lineStart, command);
  if (!line.includes('|')) return undefined;
  const at = echoPipe.exec(line)?.indices?.[1]?.[0];
  return at === undefined ? undefined : wordValue(text, lineStart + at);
}

/** `Set-Item env:`, `Set-Item -Path Env:\`, `New-Item -Path env:` … right before a name (PowerShell's environment drive). */
const envItem = /(?:^|[\s;({]|\\[nrt])(?:set|new|add)-(?:item|content)[ \t]+(?:-(?:literal)?path[ \t]+)?["']?env:\\{0,2}$/i;
/** `New-Item -Path env: -Name `: the name given apart from the drive. */
const envNamed = /(?:^|[\s;({]|\\[nrt])new-item[ \t]+[^\r\n]*env:\\{0,2}["']?[ \t]+-name[ \t]+$/i;

/** Whether `-Name` and blanks stand right before `at` (in any case). */
function namedAfterOption(text: string, at: number): boolean {
  let b = at;
  while (b > 0 && (text.charAt(b - 1) === ' ' || text.charAt(b - 1) === '\t')) b--;
  return b < at && text.charAt(b - 5) === '-' && text.slice(b - 4, b).toLowerCase() === 'name';
}

/**
 * PowerShell setting an environment variable named like a secret through its drive:
 * `Set-Item env:DB_PASSWORD "…"`, `Set-Item -Path Env:\API_KEY -Value '…'`,
 * `New-Item -Path env: -Name API_TOKEN -Value …` (`$env:NAME = "…"` is an assignment the
 * assignment rule reads). Trust audit 6 left the first stored.
 */
function powerShellEnvValue(text: string, start: number, end: number): Span | undefined {
  const before = text.charAt(start - 1);
  // Every secret name after a blank reaches here: `-Name ` right before it decides before any regex runs.
  const probe = before === ':' || before === '\\' ? envItem : namedAfterOption(text, start) ? envNamed : undefined;
  if (probe === undefined || !probe.test(text.slice(Math.max(0, start - 96), start))) return undefined;
  let at = end;
  if (text.charAt(at) === '"' || text.charAt(at) === "'") at++;
  at = skipBlanks(text, at);
  if (/^-value[ \t]/i.test(text.slice(at, at + 7))) at = skipBlanks(text, at + 6);
  return wordValue(text, at);
}
