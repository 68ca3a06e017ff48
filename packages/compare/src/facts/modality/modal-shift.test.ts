import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { modalShifts } from './modal-shift.js';

const shifts = (a: string, b: string, baselines: string[] = []): string[] =>
  modalShifts(factSheet(a), factSheet(b), baselines.map(factSheet), 200).map(
    (d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`,
  );

describe('a stretch of a reworded clause moved across necessity', () => {
  it('is a change of modality where another modal in the clause hides it from the clause rules', () => {
    // "need to" beside "able to": the clause reads neither; its first stretch is an obligation made advice.
    expect(
      shifts(
        'You need to be a strong climber, able to scramble over loose rock.',
        'It helps to be a strong climber, able to scramble over loose rock.',
      ),
    ).toHaveLength(1);
    // Advice beside a permission: the clause reads a permission.
    expect(
      shifts(
        'Trailers must be booked ahead, but cyclists can just turn up at the quay.',
        'Booking ahead is recommended for trailers, and cyclists can just turn up at the quay.',
      ),
    ).toHaveLength(1);
    // A permission made an obligation, behind a dash.
    expect(
      shifts(
        'Entry is $12 — guests can bring their own skates to the rink.',
        'Entry is $12 — guests must bring their own skates to the rink.',
      ),
    ).toHaveLength(1);
  });

  it('is no change where the obligation stays in the clause, the stretch is a condition or an ability, or production says it so', () => {
    // The obligation is kept in the other stretch; "can" is in a leading time clause.
    expect(
      shifts(
        'We’d need a site survey before confirming the price.',
        'Before we can confirm the price, we’d have to carry out a site survey.',
      ),
    ).toEqual([]);
    // "able to" is an ability, which "must" does not take back.
    expect(shifts('You need to be a confident swimmer, able to swim 50 m unaided.', 'Must swim 50 m unaided.')).toEqual([]);
    // A short answer joins a permission and the obligation the original says apart.
    expect(
      shifts(
        'Members can borrow the longarm machine for $8 an hour after a one-time training session. The training is required before first use and costs $25.',
        'Longarm: $8/hour after a one-time $25 training session (required first).',
      ),
    ).toEqual([]);
    // A baseline advises too: production varies there.
    expect(
      shifts(
        'Trailers must be booked ahead, but cyclists can just turn up at the quay.',
        'Booking ahead is recommended for trailers, and cyclists can just turn up at the quay.',
        ['We recommend booking trailers ahead; cyclists can turn up at the quay.'],
      ).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });
});

describe('a stretch of a reworded clause said for certain where the original hedged or disclaimed it', () => {
  it('is a change of modality two steps up the scale of certainty', () => {
    // A promise disclaimed, made.
    expect(shifts('We can’t guarantee an exact shade match to a sample.', 'We’ll match the shade of your sample exactly.')).toHaveLength(1);
    // An expectation made a guarantee (the lone word after the comma belongs to its stretch).
    expect(
      shifts('A locksmith should reach you within 45 minutes.', 'A locksmith will reach you within 45 minutes, guaranteed.'),
    ).toHaveLength(1);
    // A likelihood beside a denial in one clause: the clause rules read neither.
    expect(
      shifts(
        'We can’t match the old glaze exactly, so a repaired vase may look slightly darker.',
        'The old glaze can’t be matched exactly, so a repaired vase will look darker.',
      ),
    ).toHaveLength(1);
  });

  it('is a change of modality where a plain statement is said as a likelihood in a stretch of a longer clause', () => {
    // The clause pairs better with the original's fee clause; its second stretch pairs with the rule.
    expect(
      shifts(
        'Late payment: $30 fee. 2 missed payments close the account.',
        'Late payments carry a $30 fee, and two missed payments may lead to the account being closed.',
      ),
    ).toHaveLength(1);
    expect(
      shifts(
        'Late payment: $30 fee. 2 missed payments close the account.',
        'Late payments carry a $30 fee, and two missed payments may lead to the account being closed.',
        ['A late payment costs $30, and two missed payments could close the account.'],
      ).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });

  it('is a change of modality where what can be done is said as what might be', () => {
    expect(
      shifts(
        'Lessons can be rescheduled up to 48 hours before, and the fee covers the kit.',
        'The fee covers the kit, and lessons might be rescheduled if you ask 48 hours before.',
      ),
    ).toHaveLength(1);
    // "may" grants as often as it hedges: "can be transferred" → "may be transferred" is a permission kept.
    expect(
      shifts(
        'Tickets can be transferred to a friend, and the fee covers the kit.',
        'The fee covers the kit, and tickets may be transferred to a friend.',
      ),
    ).toEqual([]);
  });

  it('is a change of modality where a denial said for certain is said as a likelihood', () => {
    expect(
      shifts(
        'Then run the installer once per clone — the hooks won’t run on commit until you do.',
        // "commit" after "on" is the event, not a promise disclaimed.
        'After that, run the installer in each clone; until you do, the hooks might not run on commit.',
      ),
    ).toHaveLength(1);
    expect(
      shifts('Your voucher will never expire, and it covers any room.', 'Your voucher may not expire, and it covers any room.'),
    ).toHaveLength(1);
    // A plain denial hedged is left to the clause rules; a denial kept certain is no change.
    expect(shifts('The hooks won’t run on commit until you do.', 'Until you do, the hooks will not run on commit.')).toEqual([]);
  });

  it('is no change where a hedge is only dropped, the promise is an effort, or production says it for certain', () => {
    // "may" dropped for a plain statement: two steps short of a promise.
    expect(
      shifts('The patina may look slightly brighter, so we send photos.', 'The patina looks slightly brighter, so we send photos.'),
    ).toEqual([]);
    // "usually" → "will" is how a paraphrase drops a hedge; one step.
    expect(
      shifts(
        'Existing code will usually show new errors, so enable it one package at a time.',
        'Tip: existing code will show new errors, so turn it on one package at a time.',
      ),
    ).toEqual([]);
    expect(shifts('We can’t guarantee an exact shade match to a sample.', 'We’ll try to match the shade of your sample exactly.')).toEqual(
      [],
    );
    expect(
      shifts('A locksmith should reach you within 45 minutes.', 'A locksmith will reach you within 45 minutes, guaranteed.', [
        'Our locksmith will definitely get to you within 45 minutes.',
      ]).filter((m) => !m.endsWith('(noise)')),
    ).toEqual([]);
  });

  it('reads a plain statement priced "at no charge" as plain, not denied: hedging it is a change', () => {
    const original = 'We can replace your battery at home today. We recycle the old battery at no charge.';
    const candidate = 'We can replace your battery at home today. We may be able to recycle the old battery at no charge.';
    expect(shifts(original, candidate)).toHaveLength(1);
    // A baseline that says it plainly ("is free") is not production hedging it.
    expect(shifts(original, candidate, ['Yes, we can fit a new battery at your home today. Old battery recycling is free.'])).toEqual([
      expect.not.stringContaining('(noise)'),
    ]);
    // Denied for real, it stands nowhere on the scale.
    expect(shifts("We don't recycle old batteries.", 'We may be able to recycle old batteries.')).toEqual([]);
  });
});
