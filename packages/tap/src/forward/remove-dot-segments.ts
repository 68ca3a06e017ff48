const dotLike = /\.|%2e/i;

/**
 * Resolves `.` and `..` segments of an absolute request path (RFC 3986 §5.2.4
 * remove_dot_segments), percent-encoded ones (`%2e%2e`) included: the tap prefixes a version's
 * or destination's base path, and an upstream that resolves `..` itself would otherwise serve
 * a path outside that base. Returns null when the path climbs above its root, which §5.2.4
 * would silently clamp; the proxies refuse such a request instead. Other segments, and
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
    out.push(segment);
  }
  return `/${out.join('/')}`;
}
