import { defineCue, holdsCue, tokenCues } from '../clauses/clause-cues.js';
import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { priceWords } from '../polarity/polarity-words.js';
import {
  actionVerbs,
  auxiliaries,
  beForms,
  billing,
  coordinators,
  cuts,
  modals,
  modifiers,
  pricedThings,
  readerCosts,
  readerPeople,
  readerSubjects,
  servedParticiples,
  servicePeople,
  serviceSubjects,
} from './agent-words.js';

// Who does or pays for an action: the service ("we", "our crew", "provided by the club", "on us",
// "…for you") or the reader ("you'll pitch it yourselves", "bring your own", "at your own cost",
// "the licence is applied for by the homeowner"). A reworded answer that moves an action across
// ("our crew puts it up" → "you'll put it up yourselves", "we cover return shipping" → "return
// postage is at your cost") changes what the reader gets, in words a clause alignment seldom pairs.
// Read per stretch of a clause (cut at conjunctions, subordinators and punctuation), since one clause
// often holds both ("You'll need to clean the ash out | before we collect it").

/** Who does or pays for the action of a stretch. */
export type Agent = 'service' | 'reader';

/** A stretch of a clause with the side it puts its action on, and the words that say what the action is about. */
export interface AgentStretch {
  readonly agent: Agent;
  /** Content words (folded) of the stretch but the words that say who acts. */
  readonly topic: ReadonlySet<string>;
  readonly text: string;
}

/**
 * Whether the token at `i` negates what its stretch says ("not", "don't", "never", "no"): not the
 * "no" / "without" of a price ("at no extra charge", "without a fee"), which says who pays, not whether it is done.
 */
function negates(t: readonly ClauseToken[], i: number): boolean {
  const w = t[i]?.lower ?? '';
  if (w === 'no' || w === 'without') {
    const next = t[i + 1]?.lower ?? '';
    const after = modifiers.has(next) ? (t[i + 2]?.lower ?? '') : next;
    if (priceWords.has(after)) return false;
  }
  return w === 'not' || w === 'never' || w === 'no' || w === 'cannot' || w === 'nothing' || w === 'without' || w.endsWith("n't");
}

/** Whether a token has a letter or a digit (an ASCII one read without a regex). */
function hasWordChar(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return true;
    if (c > 127) return /[\p{L}\p{N}]/u.test(w);
  }
  return false;
}

/** The stretches of a clause: cut at conjunctions, subordinators and punctuation between words. */
// (A loop without closures: tsx names each named closure it creates with an Object.defineProperty.)
function stretches(tokens: readonly ClauseToken[]): { readonly tokens: readonly ClauseToken[]; readonly joined: boolean }[] {
  const out: { tokens: ClauseToken[]; joined: boolean }[] = [];
  let cur: ClauseToken[] = [];
  let joined = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as ClauseToken;
    const punct = !hasWordChar(t.lower);
    // "and" / "or" between nouns ("bedding and towels") is no cut; before a subject or a verb it is.
    const listed = coordinators.has(t.lower) && t.lower !== 'then' && !startsPredicate(tokens[i + 1]);
    if ((cuts.has(t.lower) && !listed) || punct) {
      if (cur.length > 0) out.push({ tokens: cur, joined });
      cur = [];
      joined = coordinators.has(t.lower);
      continue;
    }
    cur.push(t);
    const after = (t.after ?? '').trim();
    if (after !== '' && after !== "'" && i < tokens.length - 1) {
      if (cur.length > 0) out.push({ tokens: cur, joined });
      cur = [];
      joined = false;
    }
  }
  if (cur.length > 0) out.push({ tokens: cur, joined });
  return out;
}

/** Whether a word may open a predicate of its own after "and" / "or": a subject or a verb of action. */
function startsPredicate(t: ClauseToken | undefined): boolean {
  const w = t?.lower ?? '';
  return serviceSubjects.has(w) || readerSubjects.has(w) || w === 'our' || w === 'it' || w === 'there' || actionVerbs.has(w);
}

// Words that open a relative before its subject ("what we repair", "anything you bring").
const relatives = new Set(['what', 'whatever', 'which', 'anything', 'everything', 'nothing']);

// A denial between a subject and its verb ("we don't collect samples", "our crew doesn't move
// equipment", "we never take the fleece"): the subject still names who would act, and the stretch's
// negation then puts the action on the other side. Not "can't": a possibility is no task.
const denials = new Set(["don't", "doesn't", "won't", 'don’t', 'doesn’t', 'won’t', 'do', 'does', 'not', 'never']);

/** Whether the words from `i` on, past auxiliaries and denials, reach a verb of action. */
function actsFrom(t: readonly ClauseToken[], i: number): boolean {
  let j = i;
  while (j < t.length && (auxiliaries.has(t[j]?.lower ?? '') || denials.has(t[j]?.lower ?? ''))) j++;
  // A subject that only may act ("you can return…") is granted a permission, not given a task.
  return actionVerbs.has(t[j]?.lower ?? '');
}

interface Marks {
  service: boolean;
  reader: boolean;
  subject: boolean;
  /** Where the words of what is done start: after "your own" where that alone says who ("…and your own paper"). */
  from: number;
  /** How many marks were read besides "your own". */
  others: number;
  /** Token indices that say who acts (left out of the topic). */
  readonly who: Set<number>;
}

/** The word of token `i` of `t`, empty past either end. */
function wordAt(t: readonly ClauseToken[], i: number): string {
  return t[i]?.lower ?? '';
}

/** Marks `m` with a side, the tokens `who` that say it, and whether they are the subject. */
function mark(m: Marks, agent: Agent, who: readonly number[], subject = false): void {
  if (agent === 'service') m.service = true;
  else m.reader = true;
  if (subject) m.subject = true;
  for (const i of who) m.who.add(i);
  m.others++;
}

// The words {@link marks} reads a mark from (the first word of each of its tests): a token of none is passed over with one test.
const markWords = new Set([
  ...['yourself', 'yourselves', 'your', 'their', 'our', 'the', 'includes', 'include', 'by', 'to', 'on', 'for', 'yours', 'up'],
  ...['job', 'task', 'responsibility', 'responsible', 'at', 'please', 'need'],
  ...readerSubjects,
  ...readerPeople,
  ...serviceSubjects,
  ...beForms,
]);
const markCue = defineCue('agent mark', (w) => markWords.has(w));

/** Where the participle after a be-form at `i` stands: past "already", "not", "never" ("is already included", "are not provided"). */
function participle(t: readonly ClauseToken[], i: number): number {
  let j = i + 1;
  while (j < t.length && (wordAt(t, j) === 'already' || wordAt(t, j) === 'not' || wordAt(t, j) === 'never')) j++;
  return j;
}

/** What a stretch's words say about who acts. */
function marks(t: readonly ClauseToken[]): Marks {
  const m: Marks = { service: false, reader: false, subject: false, from: 0, others: 0, who: new Set() };
  for (let i = 0; i < t.length; i++) {
    if ((tokenCues(t[i] as ClauseToken) & markCue) === 0) continue;
    const x = wordAt(t, i);
    if (x === 'yourself' || x === 'yourselves') mark(m, 'reader', [i]);
    else if ((x === 'your' || x === 'their' || x === 'our') && wordAt(t, i + 1) === 'own') {
      // What the reader (or the service: "with our own water tank") brings or pays for is what follows ("…and your own paper").
      mark(m, x === 'our' ? 'service' : 'reader', [i, i + 1]);
      m.others--;
      m.from = i + 2;
    } else if (
      (x === 'includes' || x === 'include') &&
      (pricedThings.has(wordAt(t, i - 1)) || (wordAt(t, i - 2) === 'of' && pricedThings.has(wordAt(t, i - 3))))
    ) {
      // "Our price of $260 includes a permit": what follows is the service's to provide.
      mark(m, 'service', [i]);
      m.others--;
      m.from = i + 1;
    } else if (x === 'by' || x === 'to') {
      // "by you", "by the owner", "billed to the owner", "by us", "by the club".
      const y = wordAt(t, i + 1);
      const z = y === 'the' || y === 'your' || y === 'our' ? wordAt(t, i + 2) : y;
      if (x === 'by' && (y === 'us' || y === 'our' || (y === 'the' && servicePeople.has(z)))) mark(m, 'service', [i + 1, i + 2]);
      else if ((x === 'by' || billing.has(wordAt(t, i - 1))) && (y === 'you' || readerPeople.has(z))) mark(m, 'reader', [i + 1, i + 2]);
    } else if (x === 'on' && wordAt(t, i + 1) === 'us') mark(m, 'service', [i + 1]);
    // "The permit is on you", "that's on you": the reader's to do or pay (not "depends on you").
    else if (x === 'on' && wordAt(t, i + 1) === 'you' && (beForms.has(wordAt(t, i - 1)) || /['’]s$/.test(wordAt(t, i - 1))))
      mark(m, 'reader', [i + 1]);
    else if (x === 'for' && wordAt(t, i + 1) === 'you' && wordAt(t, i + 2) !== 'to') mark(m, 'service', [i + 1]);
    else if (x === 'yours' && wordAt(t, i + 1) === 'to') mark(m, 'reader', [i]);
    else if (x === 'up' && wordAt(t, i + 1) === 'to' && wordAt(t, i + 2) === 'you') mark(m, 'reader', [i + 2]);
    else if ((x === 'job' || x === 'task') && wordAt(t, i - 1) === 'your') mark(m, 'reader', [i]);
    else if (x === 'responsibility' || x === 'responsible') {
      const owner = wordAt(t, i - 1).replace(/'s$/, '');
      if (owner === 'your' || readerPeople.has(owner) || t.slice(0, i).some((u) => u.lower === 'you' || u.lower === "you're"))
        mark(m, 'reader', [i]);
    } else if (
      x === 'at' &&
      wordAt(t, i + 1) === 'your' &&
      (readerCosts.has(wordAt(t, i + 2)) || (wordAt(t, i + 2) === 'own' && readerCosts.has(wordAt(t, i + 3))))
    )
      mark(m, 'reader', [i + 1]);
    // A subject inside a relative ("outside what we repair", "anything you bring") names a thing, it says no one's task.
    else if (relatives.has(wordAt(t, i - 1))) continue;
    else if ((readerSubjects.has(x) || readerPeople.has(x)) && actsFrom(t, i + 1)) mark(m, 'reader', [i], true);
    else if (serviceSubjects.has(x) && actsFrom(t, i + 1)) mark(m, 'service', [i], true);
    else if (
      (x === 'our' || x === 'the' || x === 'your') &&
      servicePeople.has(wordAt(t, i + 1)) &&
      (actsFrom(t, i + 2) || (servicePeople.has(wordAt(t, i + 2)) && actsFrom(t, i + 3)))
    )
      mark(m, 'service', [i + 1], true);
    else if (x === 'our' && i === 0 && actsFrom(t, i + 2)) mark(m, 'service', [i + 1], true);
    else if (beForms.has(x) && !modals.has(wordAt(t, i - 1)) && servedParticiples.has(wordAt(t, participle(t, i))))
      // Not "can be collected": a possibility is the reader's to take. The participle says who, not what
      // ("are not provided": the stretch's negation puts it on the reader).
      mark(m, 'service', [participle(t, i)]);
    // "Please put it at the kerb": a request the reader is to carry out. (A sentence opening with the
    // verb alone is as often how a paraphrase says what the service does: "Set up the columns and let
    // the browser place the children".)
    else if (x === 'please' && actionVerbs.has(wordAt(t, i + 1))) mark(m, 'reader', [i], true);
    // "There's no need to wheel it out": the reader's task, lifted.
    else if (x === 'need' && wordAt(t, i - 1) === 'no' && wordAt(t, i + 1) === 'to') mark(m, 'reader', []);
  }
  return m;
}

// Words too general to say what an action is about.
const generic = new Set(
  contentWords(
    'day days time times week weeks month hour hours minute minutes thing things way need needs use make take put do sure every one lot ' +
      'first new also able happy help own cost costs charge free extra please',
  ),
);

// Topic words by token: the same few hundred words recur in every answer (bounded: past it, restarted).
const topicByToken = new Map<string, readonly string[]>();

/** The words of a token that may say what an action is about (folded, not generic, three letters or more). */
function topicWords(core: string): readonly string[] {
  let found = topicByToken.get(core);
  if (found === undefined) {
    found = contentWords(core).filter((w) => !generic.has(w) && w.length > 2);
    if (topicByToken.size >= 20_000) topicByToken.clear();
    topicByToken.set(core, found);
  }
  return found;
}

// A clause's stretches, read once (the original and the baselines are compared with many candidates).
const read = new WeakMap<ClauseFacts, AgentStretch[]>();

/**
 * The stretches of a clause that say who does or pays for their action, each with its words of what
 * it is about. A stretch with no subject of its own after "and" / "or" keeps the last one's agent
 * ("Our crew puts it up and takes it down"). A negated stretch puts the action on the other side
 * ("we don't collect" / "isn't included": the reader's; "you don't need to do anything": the
 * service's). A stretch that marks both sides says neither.
 */
export function agentStretches(c: ClauseFacts): readonly AgentStretch[] {
  let out = read.get(c);
  if (out === undefined) {
    out = readStretches(c);
    read.set(c, out);
  }
  return out;
}

// Words without one of which no stretch says who acts: most clauses have none, and are read no further.
const whoWords = new Set([
  ...[
    'yourself',
    'yourselves',
    'own',
    'us',
    'yours',
    'responsibility',
    'responsible',
    'please',
    'job',
    'task',
    'need',
    'include',
    'includes',
  ],
  ...readerSubjects,
  ...serviceSubjects,
  ...readerPeople,
  ...servicePeople,
  ...servedParticiples,
  ...billing,
  'you',
  'your',
  'our',
]);
/** The {@link whoWords} cue (clause-cues.ts): a clause without it has no stretch that says who acts. */
export const whoCue = defineCue('who acts', (w) => whoWords.has(w));

function readStretches(c: ClauseFacts): AgentStretch[] {
  const out: AgentStretch[] = [];
  if (!holdsCue(c, whoCue)) return out;
  let last: Agent | undefined;
  for (const s of stretches(c.tokens)) {
    const m = marks(s.tokens);
    let negations = 0;
    for (let i = 0; i < s.tokens.length; i++) if (negates(s.tokens, i)) negations++;
    const negated = negations % 2 === 1;
    let agent: Agent | undefined;
    if (m.service !== m.reader) agent = m.service ? 'service' : 'reader';
    else if (!m.service && s.joined && last !== undefined && !negated) {
      // Only a verb may continue the last stretch's subject.
      agent = actionVerbs.has(s.tokens[0]?.lower ?? '') ? last : undefined;
    }
    const own = agent !== undefined && (m.service || m.reader);
    if (agent !== undefined && own && negated) agent = agent === 'service' ? 'reader' : 'service';
    last = m.subject && !negated ? agent : m.service || m.reader ? undefined : last;
    if (agent === undefined) continue;
    const topic = new Set<string>();
    // Where "your own" alone says who, the action is about what follows it.
    const from = m.others === 0 ? m.from : 0;
    for (let i = from; i < s.tokens.length; i++) {
      const t = s.tokens[i] as ClauseToken;
      if (m.who.has(i) || readerPeople.has(t.lower) || servicePeople.has(t.lower)) continue;
      for (const w of topicWords(t.core)) topic.add(w);
    }
    out.push({ agent, topic, text: s.tokens.map((t) => t.core).join(' ') });
  }
  return out;
}
