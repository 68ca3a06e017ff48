/**
 * Where the JSON object opened by the `{` at `open` closes — the index of its `}`, braces inside
 * strings skipped — or -1 when it does not close within `maxScan` characters. Finds an object in
 * text that is not all JSON (a model's answer around a verdict, a body cut short) before
 * `JSON.parse` reads it; it does not check the JSON.
 */
export function jsonObjectEnd(text: string, open: number, maxScan = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, open + maxScan);
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i;
  }
  return -1;
}
