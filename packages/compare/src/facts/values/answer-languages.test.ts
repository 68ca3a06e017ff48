import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

// Answers in other languages than English, read as their writers mean them. Figures as most of Europe and Latin America write them: a decimal comma ("12,50"), dots between
// thousands ("1.234,56"), the currency sign after the figure ("12 €", "12€") or a dollar sign of
// another country before it ("R$", "A$"). Read as what they say, so "12,50 €" is "€12.50" and a
// changed one still differs.
const values = (s: string) =>
  factSheet(s)
    .values.filter((v) => v.type !== 'entity')
    .map((v) => `${v.type}:${v.keys[0]}`);

describe('figures written with a decimal comma and the sign after', () => {
  it('reads a decimal comma, thousands dots and a sign after the figure', () => {
    expect(values('Le forfait coûte 12,50 € par mois, soit 2,5 % de moins.')).toEqual(['money:money:EUR:12.5', 'percent:percent:2.5']);
    expect(values('Sie zahlen 1.234,56 € oder 3,99 EUR im Monat.')).toEqual(['money:money:EUR:1234.56', 'money:money:EUR:3.99']);
    expect(values('Il biglietto costa 15€ e la tessera € 40.')).toEqual(['money:money:EUR:15', 'money:money:EUR:40']);
    expect(values('O limite é R$ 1.500,00 e a taxa R$29,90.')).toEqual(['money:money:BRL:1500', 'money:money:BRL:29.9']);
    expect(values('Fares from A$45 and NZ$ 60.')).toEqual(['money:money:AUD:45', 'money:money:NZD:60']);
    // English figures stay as they were: thousands commas, a decimal point, a list of two numbers.
    expect(values('It costs $1,500 for 2,000 users, or $12.50 each.')).toEqual([
      'money:money:USD:1500',
      'quantity:quantity:user:2000',
      'money:money:USD:12.5',
    ]);
  });

  it('takes the same amount written both ways as the same, and a changed one as a change', () => {
    const o = 'Votre abonnement coûte 12,50 € par mois et se renouvelle le 1er mars.';
    expect(judged(o, 'Votre abonnement coûte €12.50 par mois et se renouvelle le 1er mars.')).toEqual([]);
    expect(judged(o, o.replace('12,50 €', '15,50 €'))).toEqual(['fact_changed: 12,50 € → 15,50 €']);
    const p = 'O limite do cartão é R$ 1.500,00 e a anuidade é grátis.';
    expect(judged(p, p.replace('1.500,00', '5.000,00'))).toEqual(['fact_changed: R$ 1.500,00 → R$ 5.000,00']);
  });
});

describe('German nouns', () => {
  it("are not names for being capitalized; a run of capitalized words, an acronym and a title's name still are", () => {
    const names = (s: string) =>
      factSheet(s)
        .values.filter((v) => v.type === 'entity')
        .map((v) => v.text);
    expect(
      names('Ihr Termin ist am 03.12.2026. Ihr Tagesgeldkonto bei der Deutschen Bank wird verzinst, sagt Herr Weber von der ING.'),
    ).toEqual(['Deutschen Bank', 'Herr Weber', 'ING']);
    // English names of one word stay names.
    expect(names('Your appointment with Anna in Berlin is on Monday, and the clinic will call you before.')).toEqual(['Anna', 'Berlin']);
  });

  it('reworded in other nouns is no new fact; another bank is', () => {
    const o = 'Die Zinsen für Ihr Tagesgeldkonto werden monatlich gutgeschrieben, und Sie können jederzeit über Ihr Geld verfügen.';
    const c = 'Sie können jederzeit über Ihr Guthaben verfügen, und die Zinsen werden Ihrem Konto jeden Monat gutgeschrieben.';
    expect(judged(o, c)).toEqual([]);
    const b = 'Ihr Konto wird bei der Deutschen Bank geführt, und die neue Karte kommt in fünf Tagen per Post.';
    expect(judged(b, b.replace('Deutschen Bank', 'Sparda Bank'))).toEqual(['fact_changed: Deutschen Bank → Sparda Bank']);
  });
});

describe('units of time in other languages', () => {
  it('reads "zwei Wochen", "5 jours", "48 horas" as durations, so another span is a changed fact', () => {
    const o = 'Sie müssen Ihren Hund innerhalb von zwei Wochen nach dem Einzug bei der Stadt anmelden, die Marke kommt per Post.';
    expect(judged(o, o.replace('zwei Wochen', 'zwei Monaten'))).toEqual(['fact_changed: zwei Wochen → zwei Monaten']);
    expect(judged(o, o.replace('zwei Wochen', '14 Tagen'))).toEqual([]);
    expect(values('El envío tarda 48 horas y la garantía dura 2 años.')).toEqual([
      'duration:duration:172800',
      'duration:duration:63072000',
    ]);
  });
});
