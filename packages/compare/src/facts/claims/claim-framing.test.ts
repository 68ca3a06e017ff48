import { describe, expect, it } from 'vitest';
import { chatAnswer as chat } from '../../../test/chat-answer.js';
import { compareWithBaselines } from '../../compare-with-baselines.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { clauseTokens } from '../clauses/split-clauses.js';
import { diffFacts } from '../fact-diff.js';
import { isPreamble, onlyAnnounces } from './claim-framing.js';

const verdict = (original: string, candidate: string, baselines: string[] = []) =>
  compareWithBaselines(chat(candidate), chat(original), baselines.map(chat), { endpoint: 'POST /v1/chat/completions' }).report.verdict;

describe("a tool call's preamble", () => {
  it('reads an announcement of the next lookup as framing, not a claim', () => {
    for (const s of [
      "Sure, I'll check what we can deliver to you today.",
      'Let me look up your booking.',
      'One moment while I search for flights.',
      'Give me a second to find the nearest branch.',
      'Checking which locksmiths are free near you.',
    ])
      expect(isPreamble({ tokens: clauseTokens(s) }), s).toBe(true);
    for (const s of [
      "I'll refund the $35 fee today.",
      'Let me know if you need anything else.',
      'I checked: it ships Monday.',
      // A verb of looking up made the subject of a predicate of its own is a claim.
      "Checking your rate won't affect your score.",
      'Checking in is available from 3pm.',
    ])
      expect(isPreamble({ tokens: clauseTokens(s) }), s).toBe(false);
  });

  it('takes a reworded lookup turn as noise, with or without a baseline', () => {
    const original = 'Let me check which arrangements are available for same-day delivery in your area.';
    const baseline = 'One moment while I look up same-day delivery options near you.';
    expect(verdict(original, "Sure, I'll check what we can deliver to you today.", [baseline])).not.toBe('regression');
    expect(verdict(original, 'Checking which florists are free near you and what they charge.')).not.toBe('regression');
    // A turn that states something is judged as an answer.
    expect(onlyAnnounces('Let me check. Same-day delivery is not available in your area.')).toBe(false);
    expect(onlyAnnounces('Let me check which arrangements are available for same-day delivery.')).toBe(true);
  });
});

describe('words of regard', () => {
  const claims = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind === 'added_claim')
      .map((d) => d.candidate);

  it('reads a sign-off about the service and its customers as framing, not a new claim', () => {
    const answer = 'Standard shipping takes 3 to 5 business days.';
    expect(
      claims(
        answer,
        `${answer} Please note that our team is always here to help, and we truly value your business and your patience with us.`,
      ),
    ).toEqual([]);
    expect(
      claims(
        answer,
        `${answer} As always, we appreciate your patience, and we are committed to making sure every customer has a great experience.`,
      ),
    ).toEqual([]);
  });

  it('still reads an offer worded with them as a claim', () => {
    expect(
      claims(
        'Standard shipping takes 3 to 5 business days.',
        'Standard shipping takes 3 to 5 business days. We value your loyalty with a free upgrade.',
      ),
    ).toEqual(['We value your loyalty with a free upgrade.']);
  });
});

describe('entitlements', () => {
  const claims = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind === 'added_claim')
      .map((d) => d.candidate);
  const answer = 'Your room at the Harbor Inn is booked for 12 to 14 May. Check-in starts at 3 pm.';

  it('reads a sentence granting something production never mentions as a new claim', () => {
    expect(claims(answer, `${answer} Breakfast is included in your rate.`)).toEqual(['Breakfast is included in your rate.']);
    expect(claims(answer, `${answer} You have been upgraded to a sea-view room.`)).toEqual(['You have been upgraded to a sea-view room.']);
  });

  it('still reads a courteous close as framing', () => {
    expect(claims(answer, `${answer} We look forward to welcoming you to the Harbor Inn.`)).toEqual([]);
  });
});

describe('promises', () => {
  const claims = (a: string, b: string) =>
    diffFacts(factSheet(a), factSheet(b))
      .filter((d) => d.kind === 'added_claim')
      .map((d) => d.candidate);
  const answer = 'Your new sofa has shipped and is due on 14 May. Delivery is to the ground floor.';

  it('reads a commitment by the service or its people as a new claim', () => {
    expect(claims(answer, `${answer} Our crew will also carry the old sofa away.`)).toEqual([
      'Our crew will also carry the old sofa away.',
    ]);
    expect(claims(answer, `${answer} We'll assemble the frame in your living room.`)).toEqual([
      "We'll assemble the frame in your living room.",
    ]);
    expect(claims(answer, `${answer} The driver will unpack the sofa and take the boxes away.`)).toHaveLength(1);
  });

  it('reads an action the service says it has taken as a new claim', () => {
    expect(claims(answer, `${answer} I've also moved your delivery to our new Leeds depot for a faster drop-off.`)).toHaveLength(1);
    expect(claims(answer, `${answer} We have cancelled the assembly visit on your order.`)).toHaveLength(1);
  });

  it('leaves what the assistant looked at or noted alone', () => {
    expect(claims(answer, `${answer} I've checked the courier's tracking on your order.`)).toEqual([]);
    expect(claims(answer, `${answer} I've noted your floor on the delivery order.`)).toEqual([]);
  });

  it("leaves the assistant's own next step and a courteous close alone", () => {
    expect(claims(answer, `${answer} I'll make a note of your floor on the order.`)).toEqual([]);
    expect(claims(answer, `${answer} We'll let you know as soon as it leaves the depot.`)).toEqual([]);
    expect(claims(answer, `${answer} You will love how it looks in your living room.`)).toEqual([]);
  });
});
