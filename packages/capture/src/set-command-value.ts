import { quotedValue, redacted, type Span, skipBlanks } from './secret-value-spans.js';

/** `… configure set `, `… config set `, `… secret set ` right before the name (aws, npm, yarn, gh, glab, dotnet user-secrets). */
const setCommand = /(?:^|[\s"'`(])(?:config(?:ure)?|secrets?|user-secrets|variable|var)[ \t]+set[ \t]+$/;
/** The value's option in `gh secret set NAME --body …` / `-b …`, `glab variable set NAME --value …`. */
const valueOption = /^[ \t]+(?:--body|-b|--value|-v)(?:[ \t]+|=)/;

/**
 * A command line that sets a secret-named setting to a value given after the name:
 * `aws configure set aws_secret_access_key …`, `yarn config set npmAuthToken …`,
 * `npm config set //registry.npmjs.org/:_authToken …` (a legacy token is a UUID, which no shape
 * takes), `gh secret set TOKEN --body "…"`, `glab variable set API_KEY --value …` (`[start, end)`
 * the name): the value, quoted or a word. Trust audit 6 found the first, third and fourth stored.
 */
export function setCommandValue(text: string, start: number, end: number): Span | undefined {
  // Every secret name reaches here: `set ` right before it (or before its quote, or before a registry's
  // path that scopes it: `//registry.npmjs.org/:_authToken`) decides before any regex runs.
  let word = start;
  if (text.charAt(word - 1) === ':' && text.charAt(word - 2) === '/')
    while (word > 0 && start - word <= 256 && !' \t"\''.includes(text.charAt(word - 1))) word--;
  const quote = text.charAt(word - 1) === '"' || text.charAt(word - 1) === "'" ? (text.charAt(word - 2) === '\\' ? 2 : 1) : 0;
  const blank = text.charAt(word - quote - 1);
  if ((blank !== ' ' && blank !== '\t') || !text.startsWith('set', word - quote - 4)) return undefined;
  if (!setCommand.test(text.slice(Math.max(0, word - 24), word).replace(/\\?["']$/, ''))) return undefined;
  let at = end;
  if (text.charAt(at) === '"' || text.charAt(at) === "'") at++;
  else if (text.startsWith('\\"', at)) at += 2;
  const option = valueOption.exec(text.slice(at, at + 12));
  if (option !== null) at += option[0].length;
  else if (text.charAt(at) !== ' ' && text.charAt(at) !== '\t') return undefined;
  at = skipBlanks(text, at);
  const quoted = quotedValue(text, at);
  if (quoted !== undefined) return quoted;
  let to = at;
  while (to < text.length && !' \t\r\n"\'\\;|&)'.includes(text.charAt(to))) to++;
  return to > at && text.charAt(at) !== '-' && !redacted(text.slice(at, to)) ? [at, to] : undefined;
}
