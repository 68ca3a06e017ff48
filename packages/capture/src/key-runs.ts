/**
 * The runs of key characters in a text that are at least `min` long, as `[start, end, start, end, …]`,
 * left to right, each run whole (maximal). Key characters: letters, digits and `-` `_` `.` `+` `/` `=`,
 * which every key shape is written in.
 *
 * Found by looking at one character in `stride`: a run of `min` or more covers the `stride`
 * characters from some multiple of `stride` on (`min ≥ 2 × stride − 1`), so only where the first
 * and last of those are key characters (and then those between) is the run looked for. Prose is
 * passed over a few probes per word: a regex of a key shape's prefixes, tried at every position,
 * costs 1.5–2.5 ns per character (about 3 µs over a 2 KB reply for the vendors' prefixes alone).
 */
export function keyRuns(text: string, min: number): readonly number[] {
  // The key shapes and the unlabelled-token rule ask about the same text in turn (15, then 24).
  if (text === last.text && min >= last.min) return min === last.min ? last.runs : longOnly(last.runs, min);
  const runs = scan(text, min);
  last = { text, min, runs };
  return runs;
}

/**
 * Past the last `=` in `[start, end)` that more characters follow (`NAME=value`, as a shell or an
 * `.env` file assigns): a key in such a run is the value. Base64's `=` pads only a run's end.
 */
export function pastAssignment(text: string, start: number, end: number): number {
  for (let i = end - 2; i >= start; i--) if (text.charCodeAt(i) === 61 && text.charCodeAt(i + 1) !== 61) return i + 1;
  return start;
}

/** The runs of the last text asked about, for the shortest length asked. */
let last: { readonly text: string | undefined; readonly min: number; readonly runs: readonly number[] } = {
  text: undefined,
  min: 0,
  runs: [],
};

function longOnly(runs: readonly number[], min: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs.length; r += 2)
    if ((runs[r + 1] as number) - (runs[r] as number) >= min) out.push(runs[r] as number, runs[r + 1] as number);
  return out;
}

function scan(text: string, min: number): number[] {
  const runs: number[] = [];
  const stride = Math.max(1, Math.floor((min + 1) / 2));
  let floor = 0;
  for (let p = 0; p + stride <= text.length; p += stride) {
    if (p < floor || !keyChar(text.charCodeAt(p)) || !keyChar(text.charCodeAt(p + stride - 1))) continue;
    let between = p + 1;
    while (between < p + stride - 1 && keyChar(text.charCodeAt(between))) between++;
    if (between < p + stride - 1) continue;
    let from = p;
    while (from > floor && keyChar(text.charCodeAt(from - 1))) from--;
    let to = p + stride;
    while (to < text.length && keyChar(text.charCodeAt(to))) to++;
    floor = to;
    if (to - from >= min) runs.push(from, to);
  }
  return runs;
}

/** 1 for the key characters of ASCII: letters, digits, `-`, `_`, `.`, `+`, `/`, `=`. */
const keyChars = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  keyChars[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || '-_.+/='.includes(String.fromCharCode(c)) ? 1 : 0;

/** A table look-up, not a chain of comparisons: on prose each probe's outcome is a coin toss, and every branch mispredicted costs. */
function keyChar(c: number): boolean {
  return c < 128 && keyChars[c] === 1;
}
