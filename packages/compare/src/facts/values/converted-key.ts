// A value's key that is its figure converted to another unit ("5 miles" keyed as about 8 km) is
// marked: it meets the other unit's own keys ("8 km"), never another value's conversion, so two
// figures in the same unit do not meet on a rounded conversion ("12,600 ft" and "12,900 ft" are
// both about 4,000 m; "120 miles" and "125 miles" both about 200 km).

const mark = '≈';

/** `key` marked as a conversion. */
export const convertedKey = (key: string): string => mark + key;

/** Whether `key` is a conversion. */
export const isConverted = (key: string): boolean => key.startsWith(mark);

/** The key a conversion stands for (`key` itself when it is none). */
export const unconverted = (key: string): string => (key.startsWith(mark) ? key.slice(mark.length) : key);

/** Whether two keys meet: the same own key, or a conversion and the own key it stands for. */
export function keysMeet(a: string, b: string): boolean {
  const ca = isConverted(a);
  if (ca === isConverted(b)) return !ca && a === b;
  return unconverted(a) === unconverted(b);
}

/** Whether some key of `a` meets some key of `b`. */
export function someKeysMeet(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (keysMeet(x, y)) return true;
  return false;
}
