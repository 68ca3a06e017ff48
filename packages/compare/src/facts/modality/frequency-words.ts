// Adverbs of frequency short of "always", in every language answers are read in: the one list the
// hedge rules share (frequency-hedge.ts reads them as a claim said for most cases; epistemic-hedge.ts
// and edit-modality.ts take English ones as words that hedge a statement).

/** Adverbs that say a claim holds as a rule, short of "always" ("usually"): every list of hedges of this package holds them. */
export const typicalAdverbs = ['usually', 'typically', 'generally', 'normally'] as const;
/** The English adverbs of frequency: the {@link typicalAdverbs} and those of some cases. */
// Not "mostly" / "mainly": more often they narrow what a clause is about ("mostly with /r/ sounds").
export const englishFrequencies: readonly string[] = [...typicalAdverbs, 'often', 'sometimes', 'occasionally'];

// The same adverbs in the other languages answers come in, one word each, none an English word
// (Spanish and Italian "general"/"normal" are, and stand only in frequency-hedge.ts's two-word phrases). A closed class:
// what each language says for "usually", "mostly as a rule", "often" and "sometimes".
const otherLanguages: Readonly<Record<string, readonly string[]>> = {
  German: ['normalerweise', 'meistens', 'üblicherweise', 'gewöhnlich', 'häufig', 'manchmal', 'meist', 'oft'],
  Dutch: ['meestal', 'doorgaans', 'gewoonlijk', 'vaak', 'soms'],
  Scandinavian: ['oftast', 'oftest', 'vanligtvis', 'vanligvis', 'sædvanligvis', 'normalt', 'ofte', 'ibland', 'iblant'],
  French: ['généralement', 'habituellement', 'normalement', 'souvent', 'parfois', 'ordinairement'],
  Spanish: ['generalmente', 'normalmente', 'habitualmente', 'usualmente', 'frecuentemente', 'ocasionalmente'],
  Italian: ['solitamente', 'generalmente', 'normalmente', 'spesso', 'talvolta', 'abitualmente'],
  Portuguese: ['geralmente', 'normalmente', 'habitualmente', 'frequentemente'],
  Polish: ['zwykle', 'zazwyczaj', 'przeważnie', 'często', 'czasami', 'niekiedy'],
  Czech: ['obvykle', 'většinou', 'zpravidla', 'často', 'někdy', 'zvyčajne', 'väčšinou'],
  SouthSlavic: ['obično', 'uglavnom', 'često', 'ponekad', 'običajno', 'pogosto'],
  Romanian: ['adesea', 'uneori', 'deseori'],
  Hungarian: ['általában', 'többnyire', 'gyakran', 'néha', 'rendszerint'],
  Finnish: ['yleensä', 'tavallisesti', 'usein', 'joskus', 'tavallisimmin'],
  Turkish: ['genellikle', 'genelde', 'çoğunlukla', 'bazen'],
  Indonesian: ['biasanya', 'umumnya', 'sering', 'kadang'],
  Tagalog: ['karaniwan', 'kadalasan', 'madalas', 'minsan'],
  Vietnamese: ['thường'],
  Greek: ['συνήθως', 'συχνά'],
  Cyrillic: ['обычно', 'зазвичай', 'обикновено', 'часто', 'иногда', 'іноді', 'понякога'],
};

/** Every adverb of frequency above, English and the other languages'. */
export const frequencies: ReadonlySet<string> = new Set([...englishFrequencies, ...Object.values(otherLanguages).flat()]);
