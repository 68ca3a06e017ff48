import type { Random } from '@understudy/core';

/**
 * One fact an answer states, independent of how it is written: a value with several surface
 * forms (how production rewords it) and a way to become another value (how a regression changes
 * it). Written for this set only; nothing here reads the engine's rules.
 */
export interface Slot {
  readonly kind: 'number' | 'date_time' | 'identifier' | 'entity';
  /** One of the ways to write this value. */
  render(random: Random): string;
  /** Another value of the same kind. */
  mutate(random: Random): Slot;
}

export function pick<T>(random: Random, list: readonly T[]): T {
  const v = list[Math.floor(random.next() * list.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

const words = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** An English cardinal for 0..99 (what a paraphrase writes instead of digits). */
export function spell(n: number): string {
  if (n < 21) return words[n] ?? String(n);
  if (n < 100) {
    const t = tens[Math.floor(n / 10)] ?? '';
    return n % 10 === 0 ? t : `${t}-${words[n % 10]}`;
  }
  return String(n);
}

function other(random: Random, n: number, spread: number, min = 1): number {
  for (let k = 0; k < 20; k++) {
    const d = 1 + Math.floor(random.next() * spread);
    const m = random.next() < 0.5 ? n + d : n - d;
    if (m >= min && m !== n) return m;
  }
  return n + 1;
}

/** An amount of money: `$35`, `$35.00`, `35 dollars`, `USD 35`. A changed amount swaps digits or moves. */
export function money(amount: number, currency: 'USD' | 'EUR' | 'GBP' = 'USD'): Slot {
  const sym = { USD: '$', EUR: '€', GBP: '£' }[currency];
  const word = { USD: 'dollars', EUR: 'euros', GBP: 'pounds' }[currency];
  const fixed = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const grouped = amount >= 1000 ? amount.toLocaleString('en-US', { maximumFractionDigits: 2 }) : fixed;
  return {
    kind: 'number',
    render: (r) =>
      pick(r, [`${sym}${grouped}`, `${sym}${grouped}`, `${sym}${amount.toFixed(2)}`, `${fixed} ${word}`, `${currency} ${grouped}`]),
    mutate: (r) => {
      const digits = String(Math.round(amount));
      const swapped = digits.length >= 2 ? Number(digits.split('').reverse().join('')) : 0;
      const next =
        swapped > 0 && swapped !== amount && r.next() < 0.5 ? swapped : other(r, Math.round(amount), Math.max(3, Math.round(amount * 0.4)));
      return money(next, currency);
    },
  };
}

/** A count of something: `3 nights`, `three nights`. */
export function count(n: number, singular: string, plural = `${singular}s`): Slot {
  return {
    kind: 'number',
    render: (r) => `${r.next() < 0.5 ? String(n) : spell(n)} ${n === 1 ? singular : plural}`,
    mutate: (r) => count(other(r, n, 3), singular, plural),
  };
}

/** A percentage: `15%`, `15 percent`. */
export function percent(n: number): Slot {
  return { kind: 'number', render: (r) => pick(r, [`${n}%`, `${n}%`, `${n} percent`]), mutate: (r) => percent(other(r, n, 10)) };
}

const unitSeconds = { minute: 60, hour: 3600, day: 86400, week: 604800 } as const;
type Unit = keyof typeof unitSeconds;

/** A duration: `48 hours`, `two days`, `2 business days`. */
export function duration(n: number, unit: Unit, qualifier = ''): Slot {
  const q = qualifier === '' ? '' : `${qualifier} `;
  return {
    kind: 'number',
    render: (r) => {
      const forms = [`${n} ${q}${unit}${n === 1 ? '' : 's'}`, `${spell(n)} ${q}${unit}${n === 1 ? '' : 's'}`];
      if (unit === 'hour' && n === 1) forms.push('one hour', '60 minutes', 'an hour');
      if (unit === 'day' && n === 2 && q === '') forms.push('48 hours');
      if (unit === 'week' && q === '') forms.push(`${n * 7} days`);
      return pick(r, forms);
    },
    mutate: (r) => duration(other(r, n, 4), unit, qualifier),
  };
}

/** A range `5-7 business days`, `five to seven business days`. */
export function range(lo: number, hi: number, unit: string): Slot {
  return {
    kind: 'number',
    render: (r) => pick(r, [`${lo}-${hi} ${unit}`, `${spell(lo)} to ${spell(hi)} ${unit}`, `${lo} to ${hi} ${unit}`]),
    mutate: (r) => {
      const shift = other(r, 0, 3, -3);
      return range(Math.max(1, lo + shift), Math.max(2, hi + shift + (shift === 0 ? 1 : 0)), unit);
    },
  };
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function ordinal(d: number): string {
  const s = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${d}${s}`;
}

/** A calendar date: `March 3`, `3 March`, `March 3rd`, `2026-03-03`. */
export function date(month: number, day: number): Slot {
  const m = monthNames[month - 1] ?? 'March';
  const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    kind: 'date_time',
    render: (r) => pick(r, [`${m} ${day}`, `${day} ${m}`, `${m} ${ordinal(day)}`, iso, `the ${ordinal(day)} of ${m}`]),
    mutate: (r) => date(month, other(r, day, 5, 1) > 28 ? day - 2 : other(r, day, 5, 1)),
  };
}

/** A clock time: `9am`, `9:00 AM`, `09:00`, `9 a.m.`. */
export function clock(hour: number, minute = 0): Slot {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const ampm = hour < 12 ? 'am' : 'pm';
  const mm = String(minute).padStart(2, '0');
  return {
    kind: 'date_time',
    render: (r) =>
      pick(r, [
        minute === 0 ? `${h12}${ampm}` : `${h12}:${mm}${ampm}`,
        `${h12}:${mm} ${ampm.toUpperCase()}`,
        `${String(hour).padStart(2, '0')}:${mm}`,
        `${h12}:${mm} ${ampm === 'am' ? 'a.m.' : 'p.m.'}`,
      ]),
    mutate: (r) => clock(Math.min(21, Math.max(7, other(r, hour, 3, 7))), minute),
  };
}

/** A day of the week. */
export function weekday(i: number): Slot {
  return {
    kind: 'date_time',
    render: (r) => pick(r, [dayNames[i] ?? 'Monday', `${dayNames[i]}`]),
    mutate: (r) => weekday((i + 1 + Math.floor(r.next() * 5)) % 7),
  };
}

const codeChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code written the same everywhere: a booking reference, a ticket or case number, an IBAN tail. */
export function code(text: string): Slot {
  return {
    kind: 'identifier',
    render: () => text,
    mutate: (r) => {
      const positions = [...text].map((c, i) => (/[A-Z0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
      const at = pick(r, positions);
      let c = pick(r, [...codeChars]);
      if (c === text[at]) c = c === 'A' ? 'B' : 'A';
      return code(text.slice(0, at) + c + text.slice(at + 1));
    },
  };
}

/** An e-mail address, a URL or a phone number: changed by its local part, its path or a digit. */
export function contact(text: string, alternatives: readonly string[]): Slot {
  return {
    kind: 'identifier',
    render: () => text,
    mutate: (r) =>
      contact(
        pick(
          r,
          alternatives.filter((a) => a !== text),
        ),
        alternatives,
      ),
  };
}

/** A name: a city, a clinic, a person, a carrier. */
export function name(text: string, pool: readonly string[]): Slot {
  return {
    kind: 'entity',
    render: () => text,
    mutate: (r) =>
      name(
        pick(
          r,
          pool.filter((p) => p !== text),
        ),
        pool,
      ),
  };
}
