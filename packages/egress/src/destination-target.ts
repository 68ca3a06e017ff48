import { removeDotSegments, splitTarget } from '@understudy/tap';

/** Where an agent sends a tool call: `/d/<destination>/<path>`. */
export const egressPathPrefix = '/d/';

/**
 * The destination a request target names and the path inside it, resolved within the destination:
 * a `..` above it would reach another path of its host, so `inside` is null then.
 */
export function destinationTarget(url: string): { name: string; inside: string | null; query: string } {
  const { path, query } = splitTarget(url);
  const slash = path.indexOf('/', egressPathPrefix.length);
  const name = destinationName(path.slice(egressPathPrefix.length, slash === -1 ? undefined : slash));
  return { name, inside: removeDotSegments(slash === -1 ? '/' : path.slice(slash)), query };
}

/** The destination segment, percent-decoded; a malformed escape names no destination (404, not a 500). */
function destinationName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
