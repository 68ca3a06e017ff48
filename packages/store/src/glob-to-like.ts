/** Translates a `*` glob into a LIKE pattern (with `escape '\'`); `%` and `_` in the glob match themselves. */
export function globToLike(glob: string): string {
  return glob.replace(/[%_\\]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}
