// English cardinal number words. Values an answer spells out ("thirty days", "twenty dollars")
// must compare equal to the digits another answer uses ("30 days", "$20").
const units: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const scales: ReadonlyMap<string, number> = new Map(
  // "a dozen", "two dozen": a count of twelves.
  Object.entries({ dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 }),
);

/** Whether a lower-case word is part of a spelled-out cardinal number. */
export function isNumberWord(word: string): boolean {
  if (units.has(word) || scales.has(word)) return true;
  // "twenty-two"
  return word.includes('-') && word.split('-').every((w) => units.has(w) || scales.has(w));
}

/**
 * The value of a run of lower-case number words (`["one", "hundred", "twenty"]` → 120,
 * `["twenty-five"]` → 25, `["a", "hundred"]` → 100). Undefined when the run is not a number.
 */
export function numberWordsValue(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, raw] of words.entries()) {
    for (const w of raw.split('-')) {
      if ((w === 'a' || w === 'an') && i === 0) {
        current = 1;
        continue;
      }
      if (w === 'and' && seen) continue;
      const u = units.get(w);
      if (u !== undefined) {
        // "twenty one", "a hundred and five"; "one two three" counts nothing (a unit after a unit,
        // a ten after a ten or a teen).
        const below = current % 100;
        if (below !== 0 && (u >= 20 || below < 20 || below % 10 !== 0)) return undefined;
        current += u;
        seen = true;
        continue;
      }
      const s = scales.get(w);
      if (s === undefined) return undefined;
      seen = true;
      if (s === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * s;
        current = 0;
      }
    }
  }
  return seen ? total + current : undefined;
}

// English ordinals in words: "the fourth floor" is "the 4th floor". Read as weak numbers (they
// support a "4th" and compare with another ordinal, never a claim on their own).
const ordinals: ReadonlyMap<string, number> = new Map(
  Object.entries({
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    sixth: 6,
    seventh: 7,
    eighth: 8,
    ninth: 9,
    tenth: 10,
    eleventh: 11,
    twelfth: 12,
    thirteenth: 13,
    fourteenth: 14,
    fifteenth: 15,
    sixteenth: 16,
    seventeenth: 17,
    eighteenth: 18,
    nineteenth: 19,
    twentieth: 20,
  }),
);

/** The number an English ordinal word names ("fourth" → 4), or undefined. */
export function ordinalValue(word: string): number | undefined {
  const plain = ordinals.get(word);
  if (plain !== undefined || !word.includes('-')) return plain;
  // "twenty-first", "thirty-first": the days of a month past the twentieth.
  const [tens, unit] = word.split('-');
  const ten = tens === 'twenty' ? 20 : tens === 'thirty' ? 30 : undefined;
  const one = unit === undefined ? undefined : ordinals.get(unit);
  return ten !== undefined && one !== undefined && one < 10 ? ten + one : undefined;
}
