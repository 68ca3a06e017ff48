import { describe, expect, it } from 'vitest';
import { regressionKinds as found } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { clausePolarity } from './clause-polarity.js';

const polarity = (s: string) => clausePolarity(clauseTokens(s));
const changes = (a: string, b: string) =>
  diffFacts(factSheet(a), factSheet(b))
    .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
    .map((d) => `${d.kind}: ${d.message}`);

describe('a permission denied but for something', () => {
  it('is a need of it: "can\'t board without a pass" says "you need a pass to board"', () => {
    expect(polarity("You can't board without a printed pass")).toEqual({ negated: false, modality: 'necessity' });
    expect(changes("You can't board without a printed pass.", 'You need a printed pass to board.')).toEqual([]);
  });

  it('still differs from a permission granted without it', () => {
    expect(changes("You can't board without a printed pass.", 'You can board without a printed pass.')).not.toEqual([]);
  });
});

describe('"needed" said of the subject', () => {
  it('is a necessity ("is needed"), lifted when denied ("no appointment is needed"); "the documents needed" names them', () => {
    expect(polarity('An appointment is needed')).toEqual({ negated: false, modality: 'necessity' });
    expect(polarity('No appointment is needed')).toEqual({ negated: true, modality: 'possibility' });
    expect(polarity("An appointment isn't really needed")).toEqual({ negated: true, modality: 'possibility' });
    expect(polarity('The documents needed are listed below').modality).toBeNull();
  });

  it('flipped to "required", a one-word claim beside its word of modality, is a change', () => {
    expect(
      changes(
        'No appointment is needed, but you can save your place online.',
        'An appointment is required, and you can book your place online.',
      ),
    ).not.toEqual([]);
    expect(changes("You don't need an appointment.", 'An appointment is required.')).not.toEqual([]);
    expect(changes('An appointment is needed.', 'An appointment is required.')).toEqual([]);
    expect(changes('A quote is free.', 'Free, no-obligation quote.')).toEqual([]);
  });
});

describe('price words and names beside a permission or a negation', () => {
  it('permits what "for free" grants: the price sense denies the charge, not the permission', () => {
    expect(polarity('You can reschedule for free.')).toEqual({ negated: true, free: true, modality: 'possibility' });
    expect(polarity("You can't reschedule for free.")).toMatchObject({ forbids: true });
    expect(changes('If we cancel for weather, you can reschedule for free.', 'If we cancel for weather, rescheduling is free.')).toEqual(
      [],
    );
  });

  it('reads "non-" before a name as a class of things, not a denial', () => {
    expect(polarity('Non-English films need English subtitles.')).toMatchObject({ negated: false });
    expect(polarity('Non-EU citizens need a visa.')).toMatchObject({ negated: false });
    expect(polarity('Non-refundable deposits are kept.')).toMatchObject({ negated: true });
  });
});

describe('what follows if the reader does not do what was asked ("or we can\'t…", "without it we can\'t…")', () => {
  it('is a need of it, as "we can\'t … without it" is, whichever comes first', () => {
    const need = { negated: false, modality: 'necessity' };
    expect(polarity("Without a wristband we can't let you back in")).toEqual(need);
    expect(polarity("or we can't let you back in")).toEqual(need);
    expect(polarity("Keep your wristband on, otherwise we can't let you back in")).toEqual(need);
  });

  it('leaves a plain "or" and a "without" that denies nothing as they were', () => {
    expect(polarity('or you can pay at the gate').modality).toBe('possibility');
    expect(polarity('You can enter without a ticket').negated).toBe(true);
  });

  const festival = "You must keep your wristband on all weekend - without it we can't let you back into the arena.";
  const baselines = [
    "Keep the wristband on for the whole weekend; we can't readmit you to the arena without it.",
    'Your wristband has to stay on all weekend, as re-entry to the arena needs it.',
    "Wear your wristband all weekend. No wristband, no re-entry to the arena - we can't let you back in.",
  ];

  it('keeps a shorter answer that says it with "or" as noise, with 0, 1 and 3 baselines', () => {
    const shorter = "Keep the wristband on or we can't readmit you to the arena.";
    expect(changes(festival, shorter)).toEqual([]);
    for (const n of [0, 1, 3]) expect(found(festival, shorter, baselines.slice(0, n))).toEqual([]);
  });

  it('still reads the permission granted without it as a flip', () => {
    expect(changes(festival, 'We can let you back into the arena without a wristband.')).not.toEqual([]);
  });
});
