import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';

const changes = (a: string, b: string, baselines: string[] = []): string[] =>
  diffFacts(factSheet(a), factSheet(b), baselines.map(factSheet))
    .filter((d) => d.kind === 'fact_changed')
    .map((d) => `${d.message}${d.explainedByNoise === true ? ' (noise)' : ''}`);

describe('a term swapped in a clause kept word for word', () => {
  it('is a changed fact when the term is lower-case', () => {
    expect(
      changes(
        'Here is your kitchen remodel estimate: $28,500 for cabinets, quartz countertops and installation.',
        'Here is your kitchen remodel estimate: $28,500 for cabinets, granite countertops and installation.',
      ),
    ).toEqual(['quartz → granite']);
    expect(
      changes(
        'You can collect the cash at our airport branch from 6 am.',
        'You can collect the cash at our central station branch from 6 am.',
      ),
    ).toEqual(['airport → central station']);
    expect(
      changes(
        'The elevator failed its safety inspection because the door sensor is faulty.',
        'The elevator failed its safety inspection because the brake sensor is faulty.',
      ),
    ).toEqual(['door → brake']);
  });

  it('is none or noise where a baseline says the candidate’s term or words the slot its own way', () => {
    const original = 'Your countertops will be quartz with a polished edge.';
    const candidate = 'Your countertops will be granite with a polished edge.';
    expect(changes(original, candidate, ['The counters are granite, polished edge.'])).toEqual([]);
    expect(changes(original, candidate, ['The counters get a polished edge in stone.'])).toEqual(['quartz → granite (noise)']);
    expect(changes(original, candidate, ['The counters are quartz, with a polished edge.'])).toEqual(['quartz → granite']);
  });

  it('is no change where the clause is reworded, the term moves, or it is a name, a number or a cue', () => {
    // Reworded around the term: a paraphrase, not a swap.
    expect(
      changes('You can collect the cash at our airport branch from 6 am.', 'Pick the cash up from 6 am at the branch in the terminal.'),
    ).toEqual([]);
    // The original's term is still said elsewhere in the candidate.
    expect(changes('The door sensor is faulty. The brake was checked.', 'The brake sensor is faulty. The door was checked.')).toEqual([]);
    // A word of the same stem ("shipping" / "shipped") is how it is worded.
    expect(changes('Your order is ready for shipping today.', 'Your order is ready for shipment today.')).toEqual([]);
    // Polarity and modal words are the polarity rules' business.
    expect(changes('The part should arrive by Friday.', 'The part will definitely arrive by Friday.')).toEqual([]);
  });

  it('is a changed fact where an acronym gives way to a common word, and a baseline says the acronym in the plural', () => {
    const o = 'Installation is $9 per linear foot, and that includes the commercial-grade LED lights for the season.';
    const c = 'Installation is $9 per linear foot, and that includes the commercial-grade incandescent lights for the season.';
    expect(changes(o, c)).toContain('LED → incandescent');
    expect(changes(o, c, ['Installation is $9 a foot; the price includes commercial-grade LEDs for the season.'])).toContain(
      'LED → incandescent',
    );
    // Spelled out, it is the same term (another rule reads the reworded phrase).
    expect(
      changes(
        'Members vote at the AGM in the main hall on the first Monday.',
        'Members vote at the annual general meeting in the main hall on the first Monday.',
      ).join(),
    ).not.toContain('AGM → annual');
  });

  it('reads a common word opening the sentence, and the thing a count counts, as terms', () => {
    // Capitalized only because it opens the sentence: no name.
    expect(
      changes(
        'Colored vinyl adds $0.80 per record. Production takes 14 to 16 weeks.',
        'Marbled vinyl adds $0.80 per record. Production takes 14 to 16 weeks.',
      ),
    ).toEqual(['Colored → Marbled']);
    // "one paperweight" → "one vase": the count is the same, what it counts is not.
    expect(
      changes(
        'The intro class is two hours and covers making one paperweight with an instructor.',
        'The intro class is two hours and covers making one vase with an instructor.',
      ),
    ).toEqual(['paperweight → vase']);
    // Another count of the same thing is the value rules' business, not a term.
    expect(
      changes(
        'The intro class is two hours and covers making one paperweight with an instructor.',
        'The intro class is two hours and covers making two paperweights with an instructor.',
      ),
    ).toEqual([]);
  });

  it('is a changed fact where the candidate says the original’s term elsewhere, but once fewer than the original does', () => {
    // "zone" stays in the candidate's other sentence, as often as the original says it there: this one lost it.
    expect(
      changes(
        'Each zone keeps its own cache. Purges are limited to ten per hour per zone, and they reach every edge in seconds.',
        'Each zone keeps its own cache. Purges are limited to ten per hour per account, and they reach every edge in seconds.',
      ),
    ).toEqual(['zone → account']);
    // A word the clause's language uses often ("le") still said elsewhere: the clause lost one.
    expect(
      changes(
        'Bonjour ! Le lin et le coton sont lavés sur place, et le repassage est offert.',
        'Bonjour ! La soie et le coton sont lavés sur place, et le repassage est offert.',
      ),
    ).toEqual(['Le lin → La soie']);
    // The candidate's term said once more than the original says it, in another sentence kept as it was.
    expect(
      changes(
        'The basic plan is $8 a month. Streaming in 4K is included in the premium plan. You can cancel anytime.',
        'The basic plan is $8 a month. Streaming in 4K is included in the basic plan. You can cancel anytime.',
      ),
    ).toEqual(['premium → basic']);
    // A verb said once fewer ("create" → "make") is how a paraphrase words it, not a term.
    expect(
      changes(
        'Don’t reuse an old key; create a new one instead. The console creates keys on demand.',
        'Don’t reuse an old key; make a new one instead. The console creates keys on demand.',
      ),
    ).toEqual([]);
  });

  it('compares the terms after another preposition of the same role ("through live chat" → "by email")', () => {
    expect(
      changes(
        'We reply through live chat within an hour on weekdays. Our team is based in Leeds.',
        'We reply by email within an hour on weekdays. Our team is based in Leeds.',
      ),
    ).toEqual(['live chat → email']);
    // The same term after another preposition is how it is worded.
    expect(changes('You can pay in cash at the front desk on arrival.', 'You can pay with cash at the front desk on arrival.')).toEqual([]);
  });
});

describe('what a baseline shows about a swapped term', () => {
  const original = 'The course fee covers printed materials and lunch on both days.';
  const candidate = 'The course fee covers digital materials and lunch on both days.';

  it('excuses it where the baseline words the phrase its own way', () => {
    expect(changes(original, candidate, ['Your fee pays for handouts and lunch on both days.'])).toEqual(['printed → digital (noise)']);
  });

  it('not where the baseline says the phrase with nothing in the term’s place', () => {
    // Production leaves "printed" out; it never says another word there.
    expect(changes(original, candidate, ['Your course fee covers materials and lunch on both days.'])).toEqual(['printed → digital']);
  });
});
