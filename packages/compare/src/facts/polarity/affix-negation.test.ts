import { describe, expect, it } from 'vitest';
import { flips } from '../../../test/polarity-flips.js';
import { factSheet } from '../clauses/fact-sheet.js';
import { affixNegated, mayBeAffixNegated } from './affix-negation.js';

const tokens = (s: string) => factSheet(s).clauses.flatMap((c) => c.tokens);

describe('a word negated by its affix', () => {
  it('reads the prefix "ne-" / "nie-" / "ha-" against the plain word on the other side', () => {
    expect(affixNegated('nevracíme', tokens('vracíme'))).toBe(true);
    expect(affixNegated('niepłatny', tokens('płatny'))).toBe(true);
    expect(affixNegated('hakuna', tokens('kuna'))).toBe(true);
    // A word that only begins so: Polish "nieco" ("somewhat") against "co" ("what"), too short a plain word.
    expect(affixNegated('nieco', tokens('co'))).toBe(false);
    expect(affixNegated('nebezpečí', tokens('riziko'))).toBe(false);
  });

  it('reads the Turkic "-mA-" after the stem the other side keeps, not "-mek" or "-meli"', () => {
    expect(affixNegated('ödenmez', tokens('ödenir'))).toBe(true);
    expect(affixNegated('gerekmiyor', tokens('gerekiyor'))).toBe(true);
    expect(affixNegated('yapılmadı', tokens('yapıldı'))).toBe(true);
    expect(affixNegated('ödemek', tokens('öder'))).toBe(false);
    expect(affixNegated('ödemelisiniz', tokens('ödersiniz'))).toBe(false);
  });

  it('is asked of a word only where it may hold such an affix', () => {
    expect(mayBeAffixNegated('nedoporučujeme')).toBe(true);
    expect(mayBeAffixNegated('alınmaz')).toBe(true);
    expect(mayBeAffixNegated('free')).toBe(false);
  });
});

describe('a kept sentence flipped by an affix', () => {
  it('is a flip in Czech, Lithuanian, Turkish and Swahili', () => {
    expect(flips('Parkování u hotelu zpoplatňujeme zvlášť.', 'Parkování u hotelu nezpoplatňujeme zvlášť.')).toHaveLength(1);
    expect(flips('Šunys į parką neįleidžiami, išskyrus šeštadienius.', 'Šunys į parką įleidžiami, išskyrus šeštadienius.')).toHaveLength(1);
    expect(flips('Sekmadieniais biblioteka nedirba nuo pietų.', 'Sekmadieniais biblioteka dirba nuo pietų.')).toHaveLength(1);
    expect(flips('İptal durumunda depozito iade edilir.', 'İptal durumunda depozito iade edilmez.')).toHaveLength(1);
    expect(
      flips('Kwa watoto chini ya miaka mitano hakuna ada ya kuingia.', 'Kwa watoto chini ya miaka mitano kuna ada ya kuingia.'),
    ).toHaveLength(1);
  });

  it('is no flip where both sides negate or the word only changes its form', () => {
    expect(flips('Zwierzęta nie są wpuszczane do sali.', 'Zwierzęta nie są wpuszczane do sal.')).toEqual([]);
    expect(flips('Rezervasyon yapmanız gerekir.', 'Rezervasyon yapmanız gerekmektedir.')).toEqual([]);
  });
});
