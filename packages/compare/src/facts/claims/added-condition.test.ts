import { describe, expect, it } from 'vitest';
import { regressionKinds } from '../../../test/judged.js';

// An answer copied word for word but for one sentence, to which the candidate adds a condition
// ("The price is €15 if you book online") or, after a semicolon, a clause of its own: the condition
// narrows a claim production makes without it, the clause states one production never makes. The
// condition words of English, French, Spanish, German, Italian and Portuguese are read.
const original = 'The class lasts 60 minutes and starts at 6 pm. The price is €15. Bring comfortable clothes.';

describe('a condition or a clause added to the one sentence a copied answer changes', () => {
  it('is an added claim: a condition production never sets', () => {
    expect(regressionKinds(original, original.replace('€15.', '€15 if you book online.'))).toEqual(['added_claim']);
    expect(regressionKinds(original, original.replace('€15.', '€15 unless you pay at the door.'))).toEqual(['added_claim']);
    expect(
      regressionKinds(
        'La clase dura 60 minutos y empieza a las 18:00. El precio es de 15 €. Trae ropa cómoda.',
        'La clase dura 60 minutos y empieza a las 18:00. El precio es de 15 € si reservas en línea. Trae ropa cómoda.',
      ),
    ).toEqual(['added_claim']);
    expect(
      regressionKinds(
        'Le cours dure 60 minutes et commence à 18 h. Le prix est de 15 €. Apportez une tenue confortable.',
        'Le cours dure 60 minutes et commence à 18 h. Le prix est de 15 € si vous réservez en ligne. Apportez une tenue confortable.',
      ),
    ).toEqual(['added_claim']);
    expect(
      regressionKinds(
        'Il corso dura 60 minuti e inizia alle 18. Il prezzo è di 15 €. Porta abiti comodi.',
        'Il corso dura 60 minuti e inizia alle 18. Il prezzo è di 15 € se prenoti online. Porta abiti comodi.',
      ),
    ).toEqual(['added_claim']);
  });

  it('is an added claim: a clause after a semicolon', () => {
    expect(regressionKinds(original, original.replace('clothes.', 'clothes; members of the gym get priority booking.'))).toEqual([
      'added_claim',
    ]);
  });

  it('is none where the condition is courtesy, names nothing new, or the answer is reworded', () => {
    expect(regressionKinds(original, original.replace('clothes.', 'clothes if you like.'))).toEqual([]);
    expect(regressionKinds(original, original.replace('€15.', '€15 if you book.'))).toEqual([]);
    expect(regressionKinds(original, original.replace('clothes.', "clothes if you're unsure what to wear."))).toEqual([]);
    expect(regressionKinds(original, original.replace('clothes.', 'clothes; the class starts at 6 pm.'))).toEqual([]);
  });
});
