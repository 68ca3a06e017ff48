import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

const original =
  'Bonjour ! Un ourlet de pantalon coûte 12 €, prêt en 3 jours. La fermeture éclair est remplacée pour 18 €. Nous sommes ouverts du mardi au samedi.';

describe('a sentence added in another language with its word of "free", "included" or "refunded"', () => {
  it('is an added claim', () => {
    expect(
      judged(
        original,
        'Bonjour ! Comptez 12 € pour un ourlet de pantalon, prêt sous 3 jours. Remplacer une fermeture éclair revient à 18 €. Le repassage des vêtements retouchés est offert. Ouvert du mardi au samedi.',
      ),
    ).toEqual(['added_claim: adds "Le repassage des vêtements retouchés est offert." (no production answer says this)']);
  });

  it('is none where production gives the same thing free', () => {
    expect(
      judged(
        `${original} Le repassage est offert.`,
        'Bonjour ! Comptez 12 € pour un ourlet de pantalon, prêt sous 3 jours. Remplacer une fermeture éclair revient à 18 €. Le repassage, lui, est offert. Ouvert du mardi au samedi.',
      ),
    ).toEqual([]);
  });
});
