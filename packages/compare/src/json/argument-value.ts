/**
 * What a string in a tool call's arguments (or a JSON field) holds. Only `prose` is compared as
 * text; every other kind is a value, and a different value is a different action however many
 * word-like pieces it splits into (`2026-03-14`, `src/db/schema.ts`, `DE89 3704 0044`).
 */
export type ArgumentKind = 'date' | 'time' | 'number' | 'url' | 'email' | 'path' | 'identifier' | 'enum' | 'prose';

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const clockTime = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const numeric = /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** The kind of a string value. */
export function argumentKind(s: string): ArgumentKind {
  const t = s.trim();
  if (isoDate.test(t)) return 'date';
  if (clockTime.test(t)) return 'time';
  if (numeric.test(t)) return 'number';
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(t)) return 'url';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return 'email';
  if (!/\s/.test(t) && (/[/\\]/.test(t) || /^[\w.-]+\.[a-z0-9]{1,5}$/i.test(t))) return 'path';
  const parts = t.split(/\s+/).filter((p) => p !== '');
  // Digit groups ("DE89 3704 0044 0532", "+1 415 555 0100"): an identifier written with spaces.
  if (parts.length > 1 && parts.filter((p) => /\d/.test(p)).length * 2 >= parts.length && parts.every((p) => /^[\w+().-]+$/.test(p)))
    return 'identifier';
  if (parts.length === 1) return /\d/.test(t) || /^[A-Z0-9_-]+$/.test(t) ? 'identifier' : 'enum';
  // Words with spaces are free text ("annual check-up", "window seat preferred"): enums are single tokens.
  return 'prose';
}

/**
 * A path read lexically, as POSIX `normalize` does without touching a disk: backslashes as
 * slashes, "." and empty segments dropped, "dir/.." folded; ".." that climbs above the start kept.
 */
function lexicalPath(t: string): string {
  const rooted = /^[\\/]/.test(t);
  const out: string[] = [];
  for (const segment of t.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !rooted) out.push(segment);
  }
  return `${rooted ? '/' : ''}${out.join('/')}`;
}

function normalized(kind: ArgumentKind, s: string): string {
  const t = s.trim();
  switch (kind) {
    case 'date': {
      // A date and the same instant written with a time or a zone compare equal.
      const ms = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : /[Zz]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t.replace(' ', 'T')}Z`);
      return Number.isNaN(ms) ? t : String(ms);
    }
    case 'time':
      return t
        .split(':')
        .map((p) => p.padStart(2, '0'))
        .join(':')
        .replace(/:00$/, '');
    case 'url':
      return t.replace(/\/+$/, '').replace(/^([a-z]+:\/\/[^/]+)/i, (h) => h.toLowerCase());
    case 'email':
      return t.toLowerCase();
    case 'path':
      return lexicalPath(t);
    case 'identifier':
      return t.replace(/\s+/g, ' ');
    default:
      return t;
  }
}

/**
 * Whether two strings state the same value: same kind and normal form (`2026-03-14` =
 * `2026-03-14T00:00:00Z`, `./src/a.ts` = `src/a.ts` = `src/lib/../a.ts`), numbers within `tolerance` (relative).
 * Prose is never "the same" here: it is graded as text.
 */
export function sameArgument(a: string, b: string, tolerance = 0): boolean {
  if (a === b) return true;
  const ka = argumentKind(a);
  const kb = argumentKind(b);
  if (ka !== kb || ka === 'prose') return false;
  if (ka === 'number') {
    const x = Number(a);
    const y = Number(b);
    return x === y || Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
  }
  return normalized(ka, a) === normalized(kb, b);
}
