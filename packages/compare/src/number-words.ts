// English cardinal number words. Values an answer spells out ("thirty days", "twenty dollars")
// must compare equal to the digits another answer uses ("30 days", "$20").
const units: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const scales: ReadonlyMap<string, number> = new Map(
  Object.entries({ hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 }),
);

/** Whether a lower-case word is part of a spelled-out cardinal number. */
export function isNumberWord(word: string): boolean {
  if (units.has(word) || scales.has(word)) return true;
  // "twenty-two"
  return word.includes('-') && word.split('-').every((w) => units.has(w) || scales.has(w));
}

/**
 * The value of a run of lower-case number words (`["one", "hundred", "twenty"]` → 120,
 * `["twenty-five"]` → 25, `["a", "hundred"]` → 100). Undefined when the run is not a number.
 */
export function numberWordsValue(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, raw] of words.entries()) {
    for (const w of raw.split('-')) {
      if ((w === 'a' || w === 'an') && i === 0) {
        current = 1;
        continue;
      }
      if (w === 'and' && seen) continue;
      const u = units.get(w);
      if (u !== undefined) {
        // "twenty one", "a hundred and five"; "one two three" counts nothing (a unit after a unit,
        // a ten after a ten or a teen).
        const below = current % 100;
        if (below !== 0 && (u >= 20 || below < 20 || below % 10 !== 0)) return undefined;
        current += u;
        seen = true;
        continue;
      }
      const s = scales.get(w);
      if (s === undefined) return undefined;
      seen = true;
      if (s === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * s;
        current = 0;
      }
    }
  }
  return seen ? total + current : undefined;
}

// English ordinals in words: "the fourth floor" is "the 4th floor". Read as weak numbers (they
// support a "4th" and compare with another ordinal, never a claim on their own).
const ordinals: ReadonlyMap<string, number> = new Map(
  Object.entries({
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    sixth: 6,
    seventh: 7,
    eighth: 8,
    ninth: 9,
    tenth: 10,
    eleventh: 11,
    twelfth: 12,
    thirteenth: 13,
    fourteenth: 14,
    fifteenth: 15,
    sixteenth: 16,
    seventeenth: 17,
    eighteenth: 18,
    nineteenth: 19,
    twentieth: 20,
  }),
);

/** The number an English ordinal word names ("fourth" → 4), or undefined. */
export function ordinalValue(word: string): number | undefined {
  return ordinals.get(word);
}

// Cardinal number words of the other languages whose polarity and function words the engine
// reads (text-language.ts), each read only in an answer detected as that language: Spanish "once"
// is eleven, English "once" is not; Italian "due" is two, English "due" is not. Indefinite articles
// that also say "one" ("una clase") are listed: read as weak values, they only support a "1".
const languageNumbers: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Spanish: {
    un: 1,
    uno: 1,
    una: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
    trece: 13,
    catorce: 14,
    quince: 15,
    dieciséis: 16,
    diecisiete: 17,
    dieciocho: 18,
    diecinueve: 19,
    veinte: 20,
    veinticuatro: 24,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    sesenta: 60,
    setenta: 70,
    ochenta: 80,
    noventa: 90,
    cien: 100,
    mil: 1000,
  },
  Portuguese: {
    um: 1,
    uma: 1,
    dois: 2,
    duas: 2,
    três: 3,
    quatro: 4,
    cinco: 5,
    seis: 6,
    sete: 7,
    oito: 8,
    nove: 9,
    dez: 10,
    onze: 11,
    doze: 12,
    treze: 13,
    catorze: 14,
    quatorze: 14,
    quinze: 15,
    dezesseis: 16,
    dezasseis: 16,
    dezessete: 17,
    dezassete: 17,
    dezoito: 18,
    dezenove: 19,
    dezanove: 19,
    vinte: 20,
    trinta: 30,
    quarenta: 40,
    cinquenta: 50,
    sessenta: 60,
    setenta: 70,
    oitenta: 80,
    noventa: 90,
    cem: 100,
    mil: 1000,
  },
  German: {
    ein: 1,
    eine: 1,
    einen: 1,
    eins: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    fünf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    elf: 11,
    zwölf: 12,
    dreizehn: 13,
    vierzehn: 14,
    fünfzehn: 15,
    sechzehn: 16,
    siebzehn: 17,
    achtzehn: 18,
    neunzehn: 19,
    zwanzig: 20,
    dreißig: 30,
    vierzig: 40,
    fünfzig: 50,
    sechzig: 60,
    siebzig: 70,
    achtzig: 80,
    neunzig: 90,
    hundert: 100,
    tausend: 1000,
  },
  French: {
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    cent: 100,
    mille: 1000,
  },
  Italian: {
    un: 1,
    uno: 1,
    una: 1,
    due: 2,
    tre: 3,
    quattro: 4,
    cinque: 5,
    sei: 6,
    sette: 7,
    otto: 8,
    nove: 9,
    dieci: 10,
    undici: 11,
    dodici: 12,
    tredici: 13,
    quattordici: 14,
    quindici: 15,
    sedici: 16,
    diciassette: 17,
    diciotto: 18,
    diciannove: 19,
    venti: 20,
    trenta: 30,
    quaranta: 40,
    cinquanta: 50,
    sessanta: 60,
    settanta: 70,
    ottanta: 80,
    novanta: 90,
    cento: 100,
    mille: 1000,
  },
};

const anyLanguageNumber = new Set(Object.values(languageNumbers).flatMap((t) => Object.keys(t)));

/** Whether a lower-case word is a number word of one of the languages of {@link languageNumber}. */
export function isLanguageNumberWord(word: string): boolean {
  return anyLanguageNumber.has(word);
}

/** The number a word names in `language` ("tres" in Spanish → 3), or undefined. */
export function languageNumber(word: string, language: string | undefined): number | undefined {
  return language === undefined ? undefined : languageNumbers[language]?.[word];
}
