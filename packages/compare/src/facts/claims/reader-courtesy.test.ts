import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { isCourtesy } from './reader-courtesy.js';

const original = 'Your order #5521 ships from our Leeds warehouse on Monday. Delivery takes 2 to 3 working days.';
const claims = (candidate: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(original), factSheet(`${original} ${candidate}`), baselines.map(factSheet))
    .filter((d) => d.explainedByNoise !== true && d.severity === 'high')
    .map((d) => `${d.kind}: ${d.message}`);
const clause = (s: string) => {
  const c = factSheet(s).clauses[0];
  if (c === undefined) throw new Error(`no clause in ${s}`);
  return c;
};

describe('courtesy addressed to the reader', () => {
  // Offers, invitations to ask, reassurance and questions back: how a longer answer closes. The
  // frame ("feel free to", "don't hesitate to", "happy to", "welcome to", "don't worry") carries
  // the negation or the "free" / "always" that would otherwise make the sentence read as a policy.
  const courtesy = [
    'Feel free to call the office if you have any other questions.',
    "We're always happy to help with any order, big or small.",
    "Don't hesitate to reach out if anything else comes up.",
    'Happy to send more photos of the item if that helps!',
    'Is there anything else I can help you with today?',
    'Would you like me to set up text alerts for every step of the delivery?',
    "You're always welcome to pop into any of our stores to ask about it.",
    "Please don't worry if the tracking page doesn't update straight away.",
  ];

  it('reads offers, invitations, reassurance and questions back as no claim', () => {
    for (const s of courtesy) expect(isCourtesy(clause(s)), s).toBe(true);
    for (const s of courtesy) expect(claims(s), s).toEqual([]);
  });

  it('still reads what the frame offers when it is a policy, a value or an entitlement', () => {
    for (const s of [
      'Feel free to return it for a full refund at any time.',
      'Happy to waive the delivery fee for you this time.',
      "We're always happy to help, but opened items cannot be returned.",
      "Don't hesitate to ask for the free upgrade to express shipping.",
      'Would you like to book the Saturday slot for a $15 surcharge?',
    ])
      expect(claims(s), s).not.toEqual([]);
    expect(isCourtesy(clause('Happy to waive the delivery fee for you this time.'))).toBe(false);
    expect(isCourtesy(clause('Delivery is free on orders over $50.'))).toBe(false);
    expect(isCourtesy(clause('All returns must be booked online.'))).toBe(false);
  });

  it('reads an apology for what happened to the reader as no claim, unless it says what we do', () => {
    for (const s of [
      "I'm sorry your bag didn't arrive.",
      "Apologies that your luggage didn't make it.",
      'Sorry for the delay in getting back to you.',
    ])
      expect(isCourtesy(clause(s)), s).toBe(true);
    for (const s of ["I'm sorry we can't deliver on Sundays.", "Sorry, refunds aren't available for opened items."])
      expect(isCourtesy(clause(s)), s).toBe(false);
  });

  it('reads an apology followed by an offer of help after a dash as no claim, and a claim after the dash as one', () => {
    expect(isCourtesy(clause("Sorry you're not feeling well - we're here to help."))).toBe(true);
    expect(isCourtesy(clause("Sorry you're not feeling well — we're here to help."))).toBe(true);
    expect(isCourtesy(clause("Sorry you're not feeling well - we close at 6 pm on Sundays."))).toBe(false);
    expect(isCourtesy(clause("Sorry about that - we can't refund opened items."))).toBe(false);
    expect(isCourtesy(clause("We're here to help with anything else."))).toBe(true);
    expect(isCourtesy(clause("We're here until 6 pm on weekdays."))).toBe(false);
  });

  it('reads "don\'t hesitate to get in touch" in French, Spanish, Portuguese, Italian and German as courtesy', () => {
    for (const s of [
      "N'hésitez pas à nous recontacter si vous avez la moindre question sur le portail.",
      'No dude en contactarnos si tiene cualquier pregunta.',
      'Não hesite em nos contatar se tiver alguma dúvida.',
      'Non esiti a contattarci per qualsiasi domanda.',
      'Zögern Sie nicht, uns bei Fragen zu kontaktieren.',
    ])
      expect(isCourtesy(clause(s)), s).toBe(true);
    expect(isCourtesy(clause('No dude en pedir un reembolso completo de 50 €.'))).toBe(false);
  });

  it('reads an offer to tell the reader a price as no claim about it', () => {
    expect(isCourtesy(clause("I'd be glad to give you a price."))).toBe(true);
    expect(isCourtesy(clause('Happy to send you a quote for the full week.'))).toBe(true);
    expect(isCourtesy(clause("We're happy to cover the fee."))).toBe(false);
    expect(isCourtesy(clause('Happy to waive the deposit.'))).toBe(false);
  });
});

describe("the reader's state", () => {
  it('reads "all" before a state ("you\'re all set") as a degree, not a quantifier', () => {
    expect(claims("Otherwise you're all set — tell me if anything looks wrong.")).toEqual([]);
    expect(claims('After that you are all done with the paperwork and the keys are yours.')).toEqual([]);
    // A quantifier over what the service does is still a claim.
    expect(claims('All parcels from this warehouse are insured against loss and theft.')).not.toEqual([]);
  });
});

describe('a farewell naming the meeting ahead', () => {
  it('restates when production says the meeting is, and is no claim', () => {
    expect(claims('See you on Monday!')).toEqual([]);
    expect(claims('We look forward to seeing you on Monday.')).toEqual([]);
    // "can't wait to" is eagerness, not a negation of a policy.
    expect(claims("We can't wait to see you on Monday!")).toEqual([]);
    expect(claims('We cannot wait to welcome you.')).toEqual([]);
    // A day production does not say is still a value no production answer states.
    expect(claims('See you on Tuesday!')).not.toEqual([]);
  });
});

describe('an invitation to an act that is no conversation or visit', () => {
  const permission = (a: string, b: string): string[] =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind === 'polarity_flip' || d.kind === 'modality_change')
      .map((d) => d.kind);

  it('reads "welcome to" / "feel free to" bring, take or skip something as a permission of the service', () => {
    expect(isCourtesy(clause("You're welcome to bring your own saddle to the riding lesson."))).toBe(false);
    expect(isCourtesy(clause('Feel free to skip the warm-up lap if you arrive late.'))).toBe(false);
    // A permission the original denies is a flip; an obligation where it only allowed is a change of modality.
    expect(
      permission('Own saddles are not allowed on the lesson horses.', "You're welcome to bring your own saddle for the lesson horses."),
    ).toEqual(['polarity_flip']);
    expect(
      permission(
        'The lesson is $60 per hour. Riders are welcome to bring their own helmet.',
        'The lesson is $60 per hour. Riders are required to bring their own helmet.',
      ),
    ).toEqual(['modality_change']);
  });

  it('keeps an invitation to ask, call, write or drop by as courtesy', () => {
    for (const s of [
      "You're welcome to call the stables if the weather looks doubtful.",
      'Feel free to drop by the yard office if anything is unclear.',
      'You are always welcome to ask the instructor about the horses.',
    ])
      expect(isCourtesy(clause(s)), s).toBe(true);
  });
});
