import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { diffEditedSentences } from './edited-sentence.js';

const flips = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'polarity_flip')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);
// What the edited-sentence rule alone reads (the clause rules may see a flip of their own there).
const edits = (a: string, b: string): string[] => diffEditedSentences(factSheet(a), factSheet(b), [], 200).map((d) => d.message);

describe('a sentence kept word for word but for an edit that reverses it', () => {
  it('is a flip where the clause splitter joined the edited words to another claim', () => {
    // ", and" before a clause with no pronoun subject does not split: "do need" was read with the QR-code claim.
    expect(
      flips(
        "You don't need to print the ticket, but the QR code must be visible on your phone.",
        'You do need to print the ticket, and the QR code must be visible on your phone.',
      ),
    ).toEqual(["You don't need → You do need"]);
    expect(
      flips(
        'Outside food is permitted in the park, but glass bottles must stay in the car.',
        'Outside food is prohibited in the park, and glass bottles must stay in the car.',
      ),
    ).toEqual(['is permitted in → is prohibited in']);
  });

  it('is a flip where a negation of another language is added or removed', () => {
    expect(flips('Huisdieren zijn niet toegestaan in de kamers.', 'Huisdieren zijn toegestaan in de kamers.')).toEqual([
      'zijn niet toegestaan → zijn toegestaan',
    ]);
    expect(flips('I cani non sono ammessi in spiaggia.', 'I cani sono ammessi in spiaggia.')).toEqual(['cani non sono → cani sono']);
  });

  it('is a flip where a standalone negation of Greek, Romanian, Czech, a South Slavic language, Tagalog, Indonesian or Turkish is added', () => {
    const added = (a: string, b: string): number => flips(a, b).length;
    // Each language's own word for "not" before the verb, the rest of the sentence kept.
    expect(added('Μπορείτε να επιστρέψετε το προϊόν εντός 14 ημερών.', 'Δεν μπορείτε να επιστρέψετε το προϊόν εντός 14 ημερών.')).toBe(1);
    expect(added('Puteți returna produsul în 14 zile.', 'Nu puteți returna niciodată produsul în 14 zile.')).toBe(1);
    expect(added('Možete vratiti proizvod u roku od 14 dana.', 'Ne možete vratiti proizvod u roku od 14 dana.')).toBe(1);
    expect(
      added('Maaari mong ibalik ang produkto sa loob ng 14 na araw.', 'Hindi mo maaaring ibalik ang produkto sa loob ng 14 na araw.'),
    ).toBe(1);
    expect(added('Anda dapat mengembalikan produk dalam 14 hari.', 'Anda tidak dapat mengembalikan produk dalam 14 hari.')).toBe(1);
    expect(added('Bu ürün iade kapsamında.', 'Bu ürün iade kapsamında değil.')).toBe(1);
    expect(added('Vrácení je možné do 14 dnů.', 'Vrácení není možné do 14 dnů.')).toBe(1);
  });

  it('reads French "ne … pas" as one negation, and "ne" alone as one elsewhere', () => {
    expect(flips('Vous pouvez annuler la commande.', 'Vous ne pouvez pas annuler la commande.')).toHaveLength(1);
    // Both sides negated, the word order changed: no flip.
    expect(flips('Ne možete vratiti proizvod.', 'Proizvod ne možete vratiti.')).toEqual([]);
  });

  it('is a flip where a condition is reversed or a negated noun is replaced', () => {
    expect(
      flips(
        'The repair is covered by the warranty, so you pay nothing unless the screen is cracked.',
        'The repair is covered by the warranty, so you pay nothing even if the screen is cracked.',
      ),
    ).toEqual(['nothing unless the → nothing even if the']);
    expect(
      flips(
        'Please fast for 8 hours before the test - water is fine, but no juice.',
        'Please fast for 8 hours before the test - water is fine, and so is apple juice.',
      ),
    ).toEqual(['fine but no juice → fine and so is apple juice']);
  });

  it('is noise where a baseline says the edited words the candidate’s way', () => {
    expect(
      flips(
        "You don't need to print the ticket, but the QR code must be visible on your phone.",
        'You do need to print the ticket, and the QR code must be visible on your phone.',
        ['Tickets: you do need to print them. Show the QR code on your phone.'],
      ),
    ).toEqual(["You don't need → You do need (noise)"]);
  });

  it('is no flip where the edit says the same thing another way', () => {
    // A negation moved within the sentence.
    expect(edits('Die Sauna ist im Eintrittspreis nicht enthalten.', 'Die Sauna ist nicht im Eintrittspreis enthalten.')).toEqual([]);
    // A negation and the opposite direction: "not included" is "extra".
    expect(
      edits('Towels are not included in the rate, but you can rent them.', 'Towels are extra on top of the rate, but you can rent them.'),
    ).toEqual([]);
    // "No," replying, and "neither … nor" for "not … or".
    expect(edits('No, the museum does not require a booking for groups.', 'The museum does not require a booking for groups.')).toEqual([]);
    expect(
      edits(
        'The pass does not cover the ferry or the cable car on weekends.',
        'The pass covers neither the ferry nor the cable car on weekends.',
      ),
    ).toEqual([]);
    // "free" where the other side names no price: a permission worded another way.
    expect(edits('Bikes are allowed on all trains except at rush hour.', 'Bikes ride free on all trains except at rush hour.')).toEqual([]);
  });

  it('is no flip where words added with a negation make a clause of their own', () => {
    expect(
      edits(
        'Electrical has to be ordered separately from the booth.',
        "Electrical isn't part of the package and has to be ordered separately from the booth.",
      ),
    ).toEqual([]);
  });
});

const kinds = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'modality_change' || d.kind === 'added_claim')
    .map((d) => `${d.kind}: ${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a kept sentence whose edit moves it on the modal or the certainty scale', () => {
  it('is a change of modality where a modal is swapped for one of another strength', () => {
    expect(
      kinds(
        'A signed waiver is required before the instructor can take you out on the water.',
        'A signed waiver is recommended before the instructor can take you out on the water.',
      ),
    ).toEqual(['modality_change: is required before → is recommended before']);
  });

  it('is a change of modality where a hedged outcome is stated as certain', () => {
    expect(
      kinds(
        'The replacement board is on its way and should arrive by Thursday; the old one can stay in place.',
        'The replacement board is on its way and is guaranteed to arrive by Thursday; the old one can stay in place.',
      ),
    ).toEqual(['modality_change: and should arrive → and is guaranteed to arrive']);
    expect(kinds('The refund should reach your card within 5 days.', 'The refund will definitely reach your card within 5 days.')).toEqual([
      'modality_change: refund should reach → refund will definitely reach',
    ]);
  });

  it('reads modal phrases ("a good idea to", "welcome to", "compulsory") and a phrase of up to six words', () => {
    // The clause rules read the frame ("it's a good idea to") too (advice-frame.ts), and report it first.
    expect(
      kinds(
        'Booths are $350 and you must show a current health permit at check-in.',
        "Booths are $350 and it's a good idea to bring a current health permit at check-in.",
      ),
    ).toEqual(["modality_change: you must show a current health → it's a good idea to bring a current health"]);
    expect(kinds('Members are welcome to join the Friday ride.', 'Members are obliged to join the Friday ride.')).toEqual([
      'modality_change: are welcome to → are obliged to',
    ]);
    expect(kinds('A helmet is compulsory on every trail.', 'A helmet is advisable on every trail.')).toEqual([
      'modality_change: is compulsory on → is advisable on',
    ]);
  });

  it('is none where a modal phrase keeps its strength, or the words are not modal there', () => {
    expect(kinds('You must show a health permit at check-in.', "It's essential to show a health permit at check-in.")).toEqual([]);
    expect(
      kinds(
        'Welcome to the Riverside festival, you can park by gate 2.',
        'Hello and welcome to the Riverside festival, you can park by gate 2.',
      ),
    ).toEqual([]);
    expect(
      kinds('The best time to visit is May, and you can book online.', 'The ideal time to visit is May, and you can book online.'),
    ).toEqual([]);
  });

  it('is none where the modal keeps its strength or a plain "will" replaces "should"', () => {
    expect(kinds('You must bring a photo ID to the exam.', 'You have to bring a photo ID to the exam.')).toEqual([]);
    expect(kinds('The refund should reach your card within 5 days.', 'The refund will reach your card within 5 days.')).toEqual([]);
  });
});

describe('an item added to a list the candidate otherwise keeps', () => {
  it('is an added claim when no production answer names it', () => {
    expect(
      kinds(
        'The room rate includes breakfast and parking for one car.',
        'The room rate includes breakfast, parking for one car and a spa pass.',
      ),
    ).toEqual([
      'added_claim: adds "a spa pass" to "The room rate includes breakfast, parking for one car and a spa pass." (no production answer names it)',
    ]);
  });

  it('reads an item with a purpose after it, or a verb with its object', () => {
    expect(
      kinds(
        'The class fee covers the clay, the use of a wheel for the whole evening and two firings of each piece.',
        'The class fee covers the clay, the use of a wheel for the whole evening, two firings of each piece and a glaze kit to take home.',
      ),
    ).toEqual([expect.stringContaining('adds "a glaze kit to take home"')]);
    expect(
      kinds('Our fitting service includes measuring the window.', 'Our fitting service includes measuring the window and hanging it.'),
    ).toEqual([expect.stringContaining('adds "hanging it"')]);
    // A second predicate, not an item: long words after "and" with no article.
    expect(
      kinds(
        'If we find cracks in the liner, a camera inspection is recommended; it costs $180 extra.',
        'If we find cracks in the liner, a camera inspection is recommended; it costs $180 extra and shows the whole length of the flue.',
      ).filter((d) => d.includes('names it')),
    ).toEqual([]);
  });

  it('is none when production names it, or the added words make a clause of their own', () => {
    expect(
      kinds(
        'The room rate includes breakfast and parking for one car.',
        'The room rate includes breakfast, parking for one car and a spa pass.',
        ['Breakfast, parking for one car and a spa pass come with the room.'],
      ),
    ).toEqual([]);
    // Not an item of the list; as a clause of its own, added to an answer otherwise kept word for
    // word, it is a new claim (lone-addition.ts).
    const lateCheckOut = kinds(
      'The room rate includes breakfast and parking for one car.',
      'The room rate includes breakfast and parking for one car and you can check out late.',
    ).filter((d) => d.includes('adds "'));
    expect(lateCheckOut.filter((d) => d.includes('names it'))).toEqual([]);
    expect(lateCheckOut).toEqual([expect.stringContaining('adds "and you can check out late"')]);
    // A contracted subject and auxiliary ("we've", "they'd") make a clause too.
    for (const added of ["and we've booked your fitting", "and they'd moved your fitting"])
      expect(
        kinds(
          'Your new socket will be ready for fitting on Tuesday at 10:15 with Mr. Okafor.',
          `Your new socket is ready, ${added} for Tuesday at 10:15 with Mr. Okafor.`,
        ).filter((d) => d.includes('adds "')),
        added,
      ).toEqual([]);
  });
});

describe('a pole taken out by one edit and its opposite put in by another', () => {
  it('is a flip where a kept sentence is reworded around the words it keeps', () => {
    expect(
      flips(
        'The harbour tour is €35 per adult; the lunch on board is separate.',
        'The harbour tour is €35 per adult, and that already includes the lunch on board.',
      ),
    ).toHaveLength(1);
    // Both poles said on the candidate's side take no side: no flip.
    expect(
      flips(
        'The harbour tour is €35 per adult; the lunch on board is separate.',
        'The harbour tour is €35 per adult, which includes the drinks; the lunch on board is separate.',
      ),
    ).toEqual([]);
  });
});

describe('a negation dropped with its predicate while "no" is put before the subject', () => {
  it('says the same denial ("Pets aren\'t allowed in the cabins" / "No pets in the cabins")', () => {
    expect(flips("Pets aren't allowed in the cabins.", 'No pets in the cabins.')).toEqual([]);
    expect(flips('Glass bottles are not permitted on the beach.', 'No glass bottles on the beach.')).toEqual([]);
  });

  it('still reads a denial taken away (regressions)', () => {
    expect(flips("Pets aren't allowed in the cabins.", 'Pets are allowed in the cabins.')).not.toEqual([]);
    expect(flips('No pets in the cabins.', 'Pets in the cabins.')).not.toEqual([]);
  });
});
