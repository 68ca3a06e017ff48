/** Compiles a path glob where `*` matches any run of characters (`/` included). */
export function globMatcher(glob: string): (path: string) => boolean {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`);
  return (path) => re.test(path);
}

/** True when any of the globs matches. */
export function anyGlob(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map(globMatcher);
  return (path) => matchers.some((m) => m(path));
}
