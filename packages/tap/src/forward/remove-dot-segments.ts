const dotLike = /\.|%2e|%25/i;

/**
 * Resolves `.` and `..` segments of an absolute request path (RFC 3986 §5.2.4
 * remove_dot_segments), percent-encoded ones (`%2e%2e`) included: the tap prefixes a version's
 * or destination's base path, and an upstream that resolves `..` itself would otherwise serve
 * a path outside that base. Returns null when the path climbs above its root, which §5.2.4
 * would silently clamp, or hides a `..` step in an encoding or a backslash (`..%2f`,
 * `%252e%252e`, `..\`); the proxies refuse such a request instead. Other segments, and
 * empty ones, are kept byte for byte.
 */
export function removeDotSegments(path: string): string | null {
  if (!dotLike.test(path)) return path;
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as string;
    const dots = segment.length <= 6 ? segment.replace(/%2e/gi, '.') : segment;
    const last = i === segments.length - 1;
    if (dots === '.' || dots === '..') {
      if (dots === '..' && out.pop() === undefined) return null;
      // `/a/..` and `/a/.` name a directory: the trailing slash stays.
      if (last) out.push('');
      continue;
    }
    if (hidesTraversal(segment)) return null;
    out.push(segment);
  }
  return `/${out.join('/')}`;
}

/**
 * Whether one segment, as some upstream may read it, is or contains a `..` step: split at `\`
 * (servers that treat it as `/`), and after one, two or three rounds of percent-decoding
 * (`..%2f`, `%252e%252e`). The tap forwards segments byte for byte, so it cannot know how far
 * the upstream decodes; a segment that would climb under any of these readings is refused.
 */
function hidesTraversal(segment: string): boolean {
  let s = segment;
  for (let round = 0; round <= 3; round++) {
    if (s.split(/[\\/]/).includes('..')) return true;
    const next = safeDecode(s);
    if (next === s) return false;
    s = next;
  }
  return true;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
