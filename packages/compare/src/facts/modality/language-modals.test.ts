import { describe, expect, it } from 'vitest';
import { factSheet } from '../clauses/fact-sheet.js';
import { diffFacts } from '../fact-diff.js';
import { languageModal } from './language-modals.js';

const modal = (a: string, b: string): boolean => diffFacts(factSheet(a), factSheet(b)).some((d) => d.kind === 'modality_change');

describe('the modal scale of other languages', () => {
  it('places each language’s modals at necessity, advice and possibility', () => {
    expect(languageModal('musisz', undefined, undefined)).toBe(3);
    expect(languageModal('bør', undefined, undefined)).toBe(2);
    expect(languageModal('darf', undefined, undefined)).toBe(1);
    expect(languageModal('kannattaa', undefined, undefined)).toBe(2);
  });

  it('reads a two-word modal in either order, and not its words apart', () => {
    expect(languageModal('trebui', 'ar', 'să')).toBe(2);
    expect(languageModal('mali', 'by', 'nosiť')).toBe(2);
    expect(languageModal('mali', 'sme', 'šťastie')).toBe(0);
  });

  it('reads a modal verb ending (Turkish, Swahili)', () => {
    expect(languageModal('getirmelisiniz', undefined, undefined)).toBe(3);
    expect(languageModal('getirebilirsiniz', undefined, undefined)).toBe(1);
    expect(languageModal('mnaweza', undefined, undefined)).toBe(1);
  });

  it('leaves out a form two languages put at different points (Indonesian "dapat" can, Tagalog "dapat" should)', () => {
    expect(languageModal('dapat', undefined, undefined)).toBe(0);
  });
});

describe('a modal of another language changed in a kept sentence', () => {
  it('is a change of modality', () => {
    expect(modal('Bagaż podręczny musi zmieścić się pod siedzeniem.', 'Bagaż podręczny może zmieścić się pod siedzeniem.')).toBe(true);
    expect(modal('Gjester må vise billett ved inngangen.', 'Gjester bør vise billett ved inngangen.')).toBe(true);
    expect(modal('Für die Führung muss man sich vorher anmelden.', 'Für die Führung kann man sich vorher anmelden.')).toBe(true);
    expect(modal('Kask takmalısınız ve kemerinizi bağlamalısınız.', 'Kask takabilirsiniz ve kemerinizi bağlamalısınız.')).toBe(true);
    expect(modal('Návštěvníci musí nosit roušku v celé budově.', 'Návštěvníci by měli nosit roušku v celé budově.')).toBe(true);
  });

  it('is a change of modality where the modal moved within the sentence', () => {
    expect(modal('A jegyet online kell megvenni az előadás előtt.', 'A jegyet érdemes online megvenni az előadás előtt.')).toBe(true);
  });

  it('is none where the two modals stand at one point', () => {
    expect(modal('Bagaż podręczny musi zmieścić się pod siedzeniem.', 'Bagaż podręczny trzeba zmieścić pod siedzeniem.')).toBe(false);
    expect(modal('Für die Führung kann man sich vorher anmelden.', 'Für die Führung darf man sich vorher anmelden.')).toBe(false);
  });
});
