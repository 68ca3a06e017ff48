// The abbreviations names are written with, and the words they stand for ("St." / "Saint").
const abbreviated = new Map([
  ['st', 'saint'],
  ['mt', 'mount'],
  ['ft', 'fort'],
  ['dr', 'doctor'],
  ['jr', 'junior'],
  ['sr', 'senior'],
  ['univ', 'university'],
  ['dept', 'department'],
  ['intl', 'international'],
]);
const expanded = new Map([...abbreviated].map(([a, b]) => [b, a]));

/** The other way of writing the lower-case word `w` ("saint" for "st", "st" for "saint"), if it has one. */
export function otherSpelling(w: string): string | undefined {
  return abbreviated.get(w) ?? expanded.get(w);
}

// Lower-case words a name's initials skip ("Bank of America" is "BoA" or "BOA").
export const skippedInInitials: ReadonlySet<string> = new Set(['of', 'and', 'the', 'for', '&', 'de', 'du', 'der', 'und']);

/**
 * Whether `short` (lower case, no dots) is the name of `words` clipped: the first letters of each
 * word in order, run together ("amex": american express, "fedex": federal express, "bofa": bank of
 * america, "nyc": new york city, "usa": united states). A word initials skip may give none; two
 * words at least give some.
 */
export function clipsTo(short: string, words: readonly string[]): boolean {
  if (short.length < 2 || words.length < 2 || words.length > 6) return false;
  const fits = (at: number, i: number, given: number): boolean => {
    if (i === words.length) return at === short.length && given >= 2;
    const w = words[i] as string;
    if (skippedInInitials.has(w) && fits(at, i + 1, given)) return true;
    for (let n = 1; n <= w.length && at + n <= short.length; n++) {
      if (short[at + n - 1] !== w[n - 1]) break;
      if (fits(at + n, i + 1, given + 1)) return true;
    }
    return false;
  };
  return fits(0, 0, 0);
}

// Countries said by other names than their words or initials give ("USA" is the United States, "Britain"
// the United Kingdom): one group a country, each name lower case.
const countryNames: readonly (readonly string[])[] = [
  ['united states', 'united states of america', 'usa', 'us', 'america'],
  ['united kingdom', 'uk', 'great britain', 'britain'],
  ['netherlands', 'the netherlands', 'holland'],
  ['czech republic', 'czechia'],
  ['united arab emirates', 'uae', 'emirates'],
  ['turkey', 'türkiye'],
];
const countryOf = new Map(countryNames.flatMap((group) => group.map((name) => [name, group] as const)));

/** The other names of the country named `name` (lower case, no dots), if it is one. */
export function countryAliases(name: string): readonly string[] {
  return (countryOf.get(name) ?? []).filter((x) => x !== name);
}
