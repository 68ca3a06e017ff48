import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { editNegations, latinNegationCues } from './language-negations.js';

describe('negation cues of other languages', () => {
  it('reads a denier of a Latin-script language against its positive word', () => {
    expect(flips('La colazione è inclusa nel prezzo della camera.', 'La colazione è esclusa dal prezzo della camera.')).toHaveLength(1);
    expect(flips('Danos por granizo estão cobertos pela apólice.', 'Danos por granizo estão excluídos da apólice.')).toHaveLength(1);
    expect(flips('El traslado está incluido en la tarifa.', 'El traslado está excluido de la tarifa.')).toHaveLength(1);
    expect(flips('Das Frühstück ist im Zimmerpreis enthalten.', 'Das Frühstück ist vom Zimmerpreis ausgeschlossen.')).toHaveLength(1);
    expect(flips('Le petit-déjeuner est inclus dans le tarif.', 'Le petit-déjeuner est exclu du tarif.')).toHaveLength(1);
  });

  it('reads the negations of Chinese, Japanese and Korean', () => {
    expect(flips('退票收取手续费。', '退票不收取手续费。')).toHaveLength(1);
    expect(flips('予約の変更はできます。', '予約の変更はできません。')).toHaveLength(1);
    expect(flips('당일 취소 시 수수료가 부과됩니다.', '당일 취소 시 수수료가 부과되지 않습니다.')).toHaveLength(1);
    expect(flips('예약 변경이 가능합니다.', '예약 변경이 불가합니다.')).toHaveLength(1);
  });

  it('agrees where both sides deny, each in its own words', () => {
    expect(flips("Le petit-déjeuner n'est pas inclus dans le tarif.", 'Le petit-déjeuner est exclu du tarif.')).toEqual([]);
    expect(flips('Danos por granizo não estão cobertos pela apólice.', 'Danos por granizo estão excluídos da apólice.')).toEqual([]);
    expect(flips('退票不收手续费。', '退票免收手续费。')).toEqual([]);
    expect(flips('주차는 무료입니다.', '주차 요금이 없습니다.')).toEqual([]);
  });

  it('reads a Chinese negation as bearing on the word after it', () => {
    // "8 days ahead, refunds are free" joined to the train's line says nothing against that line.
    expect(flips('您的K4521次列车3月9日08:15发车。', 'K4521 (3月9日08:15): 提前8天免费退。')).toEqual([]);
  });
});

describe('"welcome" as a permission', () => {
  it('is a possibility after a verb of being', () => {
    const kinds = (a: string, b: string) => diffFacts(factSheet(a), factSheet(b)).map((d) => d.kind);
    expect(kinds('Parents are welcome to join the first lesson.', 'Parents are required to join the first lesson.')).toContain(
      'modality_change',
    );
    expect(flips('Bicycles are not allowed on the ferry deck.', 'Bicycles are welcome on the ferry deck.')).toHaveLength(1);
    expect(kinds('Parents are welcome to join the first lesson.', 'Parents may join the first lesson.')).toEqual([]);
  });
});

describe('"without" in the Latin-script languages read', () => {
  it('reads ohne / sin / sem / sans / senza as English "without": a swap for "with" is a flip', () => {
    expect(flips('Puede cambiar la cita sin costo hasta el viernes.', 'Puede cambiar la cita con un cargo hasta el viernes.')).toHaveLength(
      1,
    );
    expect(flips('Die Stornierung ist ohne Gebühr möglich.', 'Die Stornierung ist mit Gebühr möglich.')).toHaveLength(1);
    expect(flips('A troca pode ser feita sem custo na loja.', 'A troca pode ser feita com custo na loja.')).toHaveLength(1);
    // "without" said in both answers agrees.
    expect(flips('Puede cambiar la cita sin costo hasta el viernes.', 'Hasta el viernes, la cita se puede cambiar sin costo.')).toEqual([]);
  });
});

describe('one home for each negation word', () => {
  it('puts a word in the clause cues or in the edit-only negations, never both', () => {
    const clauseWords = Object.values(latinNegationCues).flatMap((c) => [...c.negations, ...c.deniers]);
    expect(clauseWords.filter((w) => editNegations.has(w))).toEqual([]);
  });
});
