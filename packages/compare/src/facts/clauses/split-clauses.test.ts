import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordIds } from '../../text/word-ids.js';
import { factSheet } from './fact-sheet.js';
import {
  clauseBreak,
  condition,
  markup,
  mayBreak,
  mayEndSentence,
  mayHoldMarkup,
  mayOpenCondition,
  sentenceEnd,
  splitClauses,
} from './split-clauses.js';

// The fast paths skip a pattern where it cannot match; they must never skip where it can, or a
// sentence or clause goes unsplit. Each pattern is checked against its precheck on hand-picked
// lines and on generated ones built from the pieces the patterns look for.
const lines = [
  'You can return it, but you must pay the postage.',
  'Refunds take 5 days; exchanges take 3.',
  'Note: returns are free',
  'We will refund you and you will get an email',
  "We refund you and you'll get an email",
  'The fee is waived or it will be refunded',
  'Pack it well so this does not happen again',
  'Pack it well ſo this does not happen again',
  'PACK IT WELL SO THIS DOES NOT HAPPEN AGAIN',
  '東京に着きました。次は大阪です！',
  'Done. Next step',
  'Is it free? Yes',
  'no punctuation here at all',
  'and\u3000you will see',
  'You may return it,\u00a0unless it is used',
  'Fine,  although late',
  'Fine,\tHowever late',
  'It ships today, whereaſ others wait',
  'It ships today,yet it is late',
  'If the parcel is late, call us',
  '  When it arrives, check it',
  '\ufeffOnce paid, it ships',
  'as long as it is unused, we refund it',
  'IN CASE it breaks, call',
  '**Note:** `npm test` > # | x',
  'a__b',
];
const pieces = [
  ' ',
  '\t',
  '\u00a0',
  'although ',
  'However ',
  'whereas ',
  'unleſs ',
  'yet ',
  'except ',
  'while ',
  'though ',
  'butter ',
  '\u3000',
  '\u2028',
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  '。',
  '！',
  '？',
  'so ',
  'ſo ',
  'also ',
  'If ',
  'when ',
  'Once ',
  'unless ',
  'in case ',
  'As long as ',
  '\ufeff',
  '*',
  '_',
  '`',
  '>',
  '#',
  '|',
  'SO ',
  'that ',
  'this ',
  'and ',
  'AND ',
  'or ',
  'but ',
  'neither ',
  'nor ',
  'is ',
  'you ',
  'we ',
  'will ',
  "won't ",
  'it',
  "'ll ",
  '’re ',
  'A',
  'a',
  '1',
  '$',
  'x',
];
const generated = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));

describe('split-clauses fast paths', () => {
  it('mayBreak admits every line the clause-break pattern splits', () => {
    for (const line of lines) if (clauseBreak.test(line)) expect(mayBreak(line), line).toBe(true);
    fc.assert(
      fc.property(generated, (line) => !clauseBreak.test(line) || mayBreak(line)),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('mayHoldMarkup admits every piece with markup, mayOpenCondition every clause opening with a condition', () => {
    // Fresh patterns: the shared ones are global (markup) and keep a lastIndex.
    const hasMarkup = (s: string): boolean => new RegExp(markup.source).test(s);
    const opensCondition = (s: string): boolean => condition.test(s.trim());
    for (const line of lines) {
      if (hasMarkup(line)) expect(mayHoldMarkup(line), line).toBe(true);
      if (opensCondition(line)) expect(mayOpenCondition(line), line).toBe(true);
    }
    fc.assert(
      fc.property(generated, (line) => (!hasMarkup(line) || mayHoldMarkup(line)) && (!opensCondition(line) || mayOpenCondition(line))),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('mayEndSentence admits every piece the sentence-end pattern splits', () => {
    for (const line of lines) if (sentenceEnd.test(line)) expect(mayEndSentence(line), line).toBe(true);
    fc.assert(
      fc.property(generated, (line) => !sentenceEnd.test(line) || mayEndSentence(line)),
      { seed: 11, numRuns: 5000 },
    );
  });
});

describe('labels and frequencies', () => {
  it('keeps a bullet\'s short label with what it says ("Appointment: not needed")', () => {
    expect(splitClauses('Appointment: not needed, walk-ins welcome').map((c) => c.text)).toEqual([
      'Appointment: not needed, walk-ins welcome',
    ]);
    expect(splitClauses('Good news: Go to the front desk.').map((c) => c.text)).toEqual(['Good news', 'Go to the front desk.']);
    expect(splitClauses('Two things matter here: you must bring your ID.').map((c) => c.text)).toHaveLength(2);
  });

  it('keeps a list item\'s longer label with what it says ("- New windows from scratch: not offered")', () => {
    const texts = (s: string) => splitClauses(s).map((c) => c.text);
    expect(texts('- New windows from scratch: not offered\n- Roofs steeper than 45 degrees: no')).toEqual([
      'New windows from scratch: not offered',
      'Roofs steeper than 45 degrees: no',
    ]);
    expect(texts("**Changing an existing field's mapping:** not possible in place")).toEqual([
      "Changing an existing field's mapping: not possible in place",
    ]);
    // Outside a list item a longer lead-in is a sentence of its own.
    expect(texts('Two things matter here: you must bring your ID.')).toHaveLength(2);
    expect(texts('- Two things matter here, sadly: you must bring your ID.')).toHaveLength(2);
  });

  it('reads "Once a month, …" as a frequency, not a condition', () => {
    expect(splitClauses('Once a month, we hold a stargazing night.').map((c) => c.condition)).toEqual([false]);
    expect(splitClauses('Once you pay, we ship the order.').map((c) => c.condition)).toEqual([true, false]);
  });

  it('reads a condition said by inversion ("Should you wish to cancel, …") as a condition, and advice as advice', () => {
    const conditions = (s: string) => splitClauses(s).map((c) => c.condition);
    expect(conditions("Should you wish to cancel, you'll get a full refund within 14 days.")).toEqual([true, false]);
    expect(conditions('Were you to miss the flight, we would rebook you.')).toEqual([true, false]);
    expect(conditions('Had you booked direct, the fee would be waived.')).toEqual([true, false]);
    expect(conditions('Should the parcel arrive damaged, keep the box.')).toEqual([true, false]);
    expect(conditions('You should cancel, as the fee rises tomorrow.')).toEqual([false]);
    expect(conditions('Should, in theory, be fine.')).toEqual([false]);
  });
});

describe('coordinated clauses', () => {
  it('splits "…, and I\'m sorry…" as it splits "…, and we\'re…": the apology is a clause of its own', () => {
    expect(splitClauses("Your file reference is LHR-77415, and I'm sorry your bag didn't arrive.").map((c) => c.text)).toEqual([
      'Your file reference is LHR-77415',
      "and I'm sorry your bag didn't arrive.",
    ]);
  });
});

describe('coordinated clauses with a pronoun subject', () => {
  it('splits "…, and we lend…" / "…, but you keep…" as it splits "…, and we will…": each clause says its own polarity', () => {
    const texts = (s: string) => splitClauses(s).map((c) => c.text);
    expect(texts("Drones aren't allowed over the lake, and we confiscate any that fly there.")).toEqual([
      "Drones aren't allowed over the lake",
      'and we confiscate any that fly there.',
    ]);
    expect(texts('The membership lapses after a year, but you keep your locker until March.')).toHaveLength(2);
    // A name after "and" opens no clause, nor does a pronoun that is an object ("between you and me").
    expect(texts('The key is with the porter, and Maria opens the gate at six.')).toHaveLength(1);
  });
});

describe('elided clauses', () => {
  it('splits "…, and so are guide dogs" as it splits "…, and neither is…": the elided claim is its own clause', () => {
    const texts = (s: string) => splitClauses(s).map((c) => c.text);
    expect(texts('Bikes are welcome on the ferry, and so are scooters.')).toEqual([
      'Bikes are welcome on the ferry',
      'and so are scooters.',
    ]);
    expect(texts('The hall is heated and so is the annex.')).toHaveLength(2);
  });
});

describe('consequences', () => {
  it('splits "…, so your plan…" as it splits "…, so it…": a consequence says its own polarity', () => {
    const texts = (s: string) => splitClauses(s).map((c) => c.text);
    expect(texts("Offline activation exists only on Enterprise, so your plan doesn't have it.")).toEqual([
      'Offline activation exists only on Enterprise',
      "so your plan doesn't have it.",
    ]);
    expect(texts('The room faces the courtyard so the street noise is low.')).toHaveLength(2);
    // "so" as a degree word opens nothing.
    expect(texts('The course is so popular that it fills up in a day.')).toHaveLength(1);
  });
});

describe('clause tokens', () => {
  it('fold curly apostrophes once, in `lower` (every rule reads "don’t" as "don\'t"); `core` keeps what was written', () => {
    for (const words of [undefined, new WordIds()]) {
      const [c] = splitClauses('You don’t need the driver’s licence, we’ll check.', words);
      expect(c?.tokens.map((t) => t.lower)).toEqual(['you', "don't", 'need', 'the', "driver's", 'licence', "we'll", 'check']);
      expect(c?.tokens[1]?.core).toBe('don’t');
    }
  });
});

describe('abbreviated months', () => {
  it('keeps "Dec. 5" and "Sept. 30" in the sentence that says them, with the date read whole', () => {
    const clauses = splitClauses('Term starts Sept. 30 and ends Dec. 5 at noon. Fees are due Jan. 10.');
    expect(clauses.map((c) => c.sentence)).toEqual(clauses.map((_, i) => (i < clauses.length - 1 ? 0 : 1)));
    expect(factSheet('Term ends Dec. 5 at noon.').values.map((v) => v.keys[0])).toEqual(['date:12-05', 'time:12:00']);
  });

  it('still ends a sentence after a month that closes it', () => {
    expect(new Set(splitClauses('The office closes in Dec. 5 staff stay on call.').map((c) => c.sentence)).size).toBe(1);
    expect(new Set(splitClauses('We reopen in Jan. Bookings open now.').map((c) => c.sentence)).size).toBe(2);
  });
});
