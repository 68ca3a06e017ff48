// Numbers with what they count: currencies, durations, units of measure, scale words, how often.
// Digits and currency symbols read the same in any language; number and unit words are English.
/** Currency symbols to ISO 4217 codes. */
export const currencySymbols: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };
/** Currency signs, the single symbols and the dollar signs of other countries ("R$", "A$"), to ISO 4217 codes. */
export const moneySigns: Readonly<Record<string, string>> = {
  ...currencySymbols,
  R$: 'BRL',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  US$: 'USD',
  MX$: 'MXN',
};
export const currencyWords: Readonly<Record<string, string>> = {
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  jpy: 'JPY',
  yen: 'JPY',
  chf: 'CHF',
  francs: 'CHF',
  inr: 'INR',
  rupees: 'INR',
  cad: 'CAD',
  aud: 'AUD',
};
export const secondsPer: Readonly<Record<string, number>> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  mins: 60,
  hour: 3600,
  hr: 3600,
  hrs: 3600,
  h: 3600,
  day: 86400,
  night: 86400,
  week: 604800,
  wk: 604800,
  wks: 604800,
  fortnight: 1209600,
  month: 2592000,
  year: 31536000,
  yr: 31536000,
  yrs: 31536000,
};
// Units of time in the other languages an answer is read in (German, French, Spanish, Portuguese,
// Italian, Dutch, Danish, Norwegian, Swedish), every written form, to seconds: "zwei Wochen", "3 jours",
// "48 horas", "6 måneder", "én måneds" (a Scandinavian genitive). Forms that are English words after a figure too ("tag", "ore", "an",
// Norwegian and Danish "time" / "timer" for hours) are left out.
const minute = 60;
const hour = 3600;
const day = 86400;
const week = 604800;
const month = 2592000;
const year = 31536000;
const spelledUnits: readonly [number, string][] = [
  [1, 'sekunde sekunden seconde secondes segundo segundos secondo secondi sekund sekunder'],
  [minute, 'minuten minuto minutos minuti minuut minutt minutter minuter'],
  [hour, 'stunde stunden heure heures hora horas ora uur timme timmar'],
  [
    day,
    'tage tagen werktag werktage werktagen arbeitstage arbeitstagen jour jours día días dia dias giorno giorni dag dagen dager dagers dagar dage virkedager virkedag arbetsdagar arbetsdag arbejdsdage hverdage',
  ],
  [week, 'woche wochen semaine semaines semana semanas settimana settimane weken uke uker ukes ukers vecka veckor veckas uge uger'],
  [month, 'monat monate monaten mois mes meses mês mese mesi maand maanden måned måneder måneds måneders månad månader månads'],
  [year, 'jahr jahre jahren ans année années año años ano anos anno anni jaar jaren år års'],
];
/** Units of time in other languages than English, as written, to seconds. */
export const otherLanguageSeconds: Readonly<Record<string, number>> = Object.fromEntries(
  spelledUnits.flatMap(([seconds, words]) => words.split(' ').map((w) => [w, seconds])),
);
// Nouns a count is written with in short ("1,000-pc puzzle", "4 ppl") or in another number ("4
// people", "4 persons"), to the one noun its key names.
export const countNouns: Readonly<Record<string, string>> = {
  pc: 'piece',
  pcs: 'piece',
  ppl: 'person',
  people: 'person',
  pax: 'person',
  pk: 'pack',
  pkt: 'packet',
  pkts: 'packet',
};
// Units of measure, by every spelling, to one symbol: "50GB", "50 GB" and "50 gigabytes" are one value.
export const measureUnits: Readonly<Record<string, string>> = {
  kb: 'kb',
  kilobyte: 'kb',
  mb: 'mb',
  megabyte: 'mb',
  gb: 'gb',
  gigabyte: 'gb',
  tb: 'tb',
  terabyte: 'tb',
  kbps: 'kbps',
  mbps: 'mbps',
  gbps: 'gbps',
  mg: 'mg',
  milligram: 'mg',
  kg: 'kg',
  kilogram: 'kg',
  kilo: 'kg',
  lb: 'lb',
  lbs: 'lb',
  oz: 'oz',
  ounce: 'oz',
  ml: 'ml',
  milliliter: 'ml',
  millilitre: 'ml',
  liter: 'l',
  litre: 'l',
  km: 'km',
  kilometer: 'km',
  kilometre: 'km',
  mi: 'mi',
  mile: 'mi',
  ft: 'ft',
  foot: 'ft',
  yd: 'yd',
  yds: 'yd',
  yard: 'yd',
  feet: 'ft',
  cm: 'cm',
  centimeter: 'cm',
  centimetre: 'cm',
  mm: 'mm',
  millimeter: 'mm',
  millimetre: 'mm',
  g: 'g',
  gram: 'g',
  m: 'm',
  meter: 'm',
  metre: 'm',
  gallon: 'gal',
  gal: 'gal',
  quart: 'qt',
  pint: 'pint',
  inch: 'in',
  inche: 'in',
  kwh: 'kwh',
  mph: 'mph',
  kph: 'kph',
  sqft: 'sqft',
};
// Scale words after a number: "$2.5 million", "3k users", "1.2bn".
// Thousands and millions in the other languages an answer is read in ("30 mil euros", "2 Millionen");
// their billions are left out ("billón" is 10^12).
export const scaleWords: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  mil: 1e3,
  mille: 1e3,
  mila: 1e3,
  tausend: 1e3,
  duizend: 1e3,
  millón: 1e6,
  millones: 1e6,
  millions: 1e6,
  milhão: 1e6,
  milhões: 1e6,
  milione: 1e6,
  milioni: 1e6,
  millionen: 1e6,
  miljoen: 1e6,
};
// How often: "twice a day" is "2 times a day".
export const frequencyWords: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
// Subjects that open a clause: "once" before one is a conjunction ("once they're dry"), not a count.
export const clauseSubjects = new Set(
  "i you he she it we they the your our their this that these those i'm you're he's she's it's we're they're i've you've we've they've".split(
    ' ',
  ),
);
export const frequencyNext = new Set(['a', 'an', 'per', 'every', 'each', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'hourly']);
// Words after a number that are not what it counts ("3 of them", "5 to 7").
export const notUnits = new Set([
  'to',
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'per',
  'by',
  'with',
  'from',
  'is',
  'are',
  'was',
  'were',
  // Verbs and auxiliaries: "children under 5 get in free", "the first 10 can choose".
  'be',
  'can',
  'could',
  'will',
  'would',
  'may',
  'might',
  'must',
  'should',
  'get',
  'go',
  'pay',
  'need',
  'have',
  'has',
  'more',
  'less',
  'only',
  'times',
  'x',
]);

// Words between a count and its unit of time that do not change the unit.
export const timeQualifiers = new Set([
  'business',
  'working',
  'calendar',
  'full',
  'whole',
  'clear',
  'consecutive',
  'straight',
  'previous',
  'prior',
  'past',
  'last',
  'next',
  'following',
  'extra',
  'additional',
  'further',
  'more',
]);
export const rangeWords = new Set(['to', 'and', 'or', 'until', 'till', 'through']);
