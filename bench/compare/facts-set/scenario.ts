import type { Random } from '@understudy/core';
import { pick, type Slot } from './slot.js';

/**
 * A sentence production may say, as alternative wordings with different structures. In a
 * wording: `{slot}` is a fact, `[a|b]` a free word choice, `⟨yes|no⟩` the clause's polarity
 * (affirmative | negated) and `⟪must|may⟫` its modality (obligation | permission).
 */
export interface Sentence {
  readonly alts: readonly string[];
  /** Kept by a shorter answer. */
  readonly key?: boolean;
}

/** A question in one domain and everything that can be true or said about its answer. */
export interface TextScenario {
  readonly domain: string;
  readonly slots: (random: Random) => Record<string, Slot>;
  readonly sentences: readonly Sentence[];
  /** Compact answers a terse model gives (a shorter paraphrase): the key facts only. */
  readonly short: readonly string[];
  /** Sentences a chattier model adds that state nothing new (a longer paraphrase). */
  readonly extras: readonly string[];
  /** Claims an agent invents: policy, fees, conditions no production answer makes. */
  readonly claims: readonly string[];
  /** A figure production itself rounds differently run to run (greeting names, estimates). */
  readonly varying?: { readonly slot: string; readonly values: (random: Random) => Slot };
}

/** What is true for one input: slot values, and the polarity and modality of its polar sentences. */
export interface Truth {
  readonly slots: Record<string, Slot>;
  readonly negated: boolean;
  readonly necessary: boolean;
}

/** Fills one wording. */
export function render(random: Random, template: string, truth: Truth): string {
  return template
    .replace(/\{(\w+)\}/g, (_, s: string) => truth.slots[s]?.render(random) ?? `{${s}}`)
    .replace(/⟨([^|⟩]*)\|([^⟩]*)⟩/g, (_, yes: string, no: string) => (truth.negated ? no : yes))
    .replace(/⟪([^|⟫]*)\|([^⟫]*)⟫/g, (_, must: string, may: string) => (truth.necessary ? must : may))
    .replace(/\[([^\]]*)\]/g, (_, options: string) => pick(random, options.split('|')))
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .replace(/\.\.(?!\.)/g, '.')
    .trim();
}

/** Whether a wording of a sentence turns on polarity or modality. */
export const isPolar = (s: Sentence): boolean => s.alts.some((a) => a.includes('⟨'));
export const isModal = (s: Sentence): boolean => s.alts.some((a) => a.includes('⟪'));

const openers = ['', '', '', 'Sure! ', 'Of course. ', 'Thanks for asking. ', 'Good news: ', 'Happy to help with that. ', 'Here you go. '];
const closers = [
  '',
  '',
  '',
  ' Anything else I can help with?',
  ' Let me know if you have more questions.',
  ' Hope that helps!',
  ' Have a great day.',
];

/** Answer styles: how production and a candidate word the same facts. */
export const styles = ['paraphrase', 'shorter', 'longer', 'bulleted', 'reordered'] as const;
export type Style = (typeof styles)[number];

/**
 * One answer to the scenario's question under `truth`, in a style. `extra` adds sentences
 * (an invented claim) at a random place among the others.
 */
export function answer(random: Random, scenario: TextScenario, truth: Truth, style: Style, extra: readonly string[] = []): string {
  if (style === 'shorter') {
    const body = render(random, pick(random, scenario.short), truth);
    return extra.length > 0 ? `${body} ${extra.join(' ')}` : body;
  }
  let parts = scenario.sentences.map((s) => render(random, pick(random, s.alts), truth));
  if (style === 'reordered') {
    parts = parts
      .map((p) => ({ p, k: random.next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.p);
  }
  if (style === 'longer') {
    const n = 1 + Math.floor(random.next() * 2);
    for (let i = 0; i < n; i++)
      parts.splice(1 + Math.floor(random.next() * parts.length), 0, render(random, pick(random, scenario.extras), truth));
  }
  for (const e of extra) parts.splice(1 + Math.floor(random.next() * parts.length), 0, e);
  if (style === 'bulleted') {
    const lead = pick(random, ['Here is a summary:', "Here's what you need to know:", 'In short:', 'Key points:', '']);
    const marker = pick(random, ['- ', '* ', '• ']);
    const list = parts.map((p, i) => (marker === '• ' && random.next() < 0.3 ? `${i + 1}. ${p}` : `${marker}${p}`)).join('\n');
    return lead === '' ? list : `${lead}\n${list}`;
  }
  return `${pick(random, openers)}${parts.join(' ')}${pick(random, closers)}`.trim();
}
