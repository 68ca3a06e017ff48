import { memoByText } from '../../text/memo-by-text.js';

// The modal scale of the languages other than English that answers come in: for each, its words
// of necessity ("must", "required"), of advice ("should", "recommended") and of possibility ("can",
// "may", "optional"), as English's are (polarity-words.ts `necessity` / `advice` / `possibility`).
// A closed class in every language, so listed whole, one entry per language; read only inside an
// edit of a kept sentence (edit-modality.ts), where the rest of the sentence is kept word for word
// and a modal swapped for another of the same language moves the claim on the scale ("musisz" →
// "możesz", "må" → "bør", "täytyy" → "voi"). A form two languages put at different points of the
// scale (Indonesian "dapat" can, Tagalog "dapat" should) is read at neither.

/** A language's modals at each point of the scale, as words separated by spaces. */
interface ModalWords {
  readonly necessity: string;
  readonly advice: string;
  readonly possibility: string;
}

const languages: Readonly<Record<string, ModalWords>> = {
  German: {
    necessity: 'muss müssen musst müsst erforderlich notwendig nötig verpflichtend obligatorisch vorgeschrieben pflicht',
    advice: 'soll sollen sollte sollten solltest empfohlen empfehlen empfehlenswert ratsam',
    possibility: 'kann können kannst könnt darf dürfen darfst möglich erlaubt gestattet freiwillig',
  },
  Dutch: {
    necessity: 'moet moeten verplicht vereist noodzakelijk nodig',
    advice: 'aanbevolen aangeraden raadzaam',
    possibility: 'kunt kunnen mag mogen toegestaan optioneel mogelijk facultatief',
  },
  Scandinavian: {
    necessity: 'må måste skal ska obligatorisk obligatoriskt påkrevd påkrævet nødvendig nødvendigt krävs kreves kræves',
    advice: 'bør borde burde anbefales anbefalet anbefalt rekommenderas rekommenderat',
    possibility: 'kan kunne tillatt tilladt tillåtet valgfri valgfritt valfritt frivillig frivilligt mulig möjligt',
  },
  French: {
    necessity: 'doit doivent devez dois devons obligatoire obligatoires nécessaire requis requise exigé exigée faut',
    advice: 'devriez devrait devraient conseillé conseillée recommandé recommandée recommandons conseillons préférable',
    possibility: 'peut pouvez peuvent peux pouvons facultatif facultative optionnel optionnelle autorisé autorisée',
  },
  Spanish: {
    necessity: 'debe debes deben debemos obligatorio obligatoria necesario necesaria requerido requerida imprescindible',
    advice: 'debería deberías deberían recomendable recomendado recomendada recomendamos aconsejable conviene',
    possibility: 'puede puedes pueden podemos opcional permitido permitida posible',
  },
  Portuguese: {
    necessity: 'deve devem deves obrigatório obrigatória necessário necessária exigido exigida precisa precisam',
    advice: 'deveria deveriam recomendado recomendada recomendamos aconselhável convém',
    possibility: 'pode podem podes opcional permitido permitida possível facultativo facultativa',
  },
  Italian: {
    necessity: 'deve devono devi dovete obbligatorio obbligatoria necessario necessaria richiesto richiesta bisogna occorre',
    advice: 'dovrebbe dovreste dovresti dovrebbero consigliato consigliata consigliamo raccomandato raccomandata consigliabile',
    possibility: 'può possono puoi potete facoltativo facoltativa opzionale consentito consentita possibile',
  },
  Romanian: {
    necessity: 'trebuie obligatoriu obligatorie obligatorii necesar necesară necesare',
    advice: 'recomandat recomandată recomandăm recomandabil indicat',
    possibility: 'poate puteți poți putem opțional opțională facultativ facultativă permis permisă',
  },
  Polish: {
    necessity:
      'musi musisz musicie musimy muszą trzeba należy wymagany wymagana wymagane obowiązkowy obowiązkowa obowiązkowe konieczny konieczna konieczne',
    advice: 'powinien powinna powinno powinieneś powinnaś powinniście powinni zalecany zalecana zalecane warto',
    possibility: 'może możesz możecie można mogą możemy opcjonalny opcjonalna opcjonalne wolno',
  },
  CzechSlovak: {
    necessity: 'musí musíte musíš musím musíme musia nutné nutný nutná povinný povinná povinné třeba treba potřeba',
    advice: 'doporučeno doporučujeme doporučené doporučuje odporúča odporúčame odporúčané',
    possibility: 'může můžete můžeš můžeme mohou lze môže môžete môžeš môžu možno volitelné smí smíte',
  },
  SouthSlavic: {
    necessity: 'mora morate moraš moraju moramo obavezno obavezan obavezna obvezno potrebno potreban potrebna trebate',
    advice: 'preporučuje preporučeno preporučujemo preporučljivo priporočljivo priporočamo',
    possibility: 'može možete možeš mogu moguće lahko smije smijete smete dozvoljeno dopušteno',
  },
  Cyrillic: {
    necessity:
      "мусите мусить повинні повинен повинна обов’язково обов'язково потрібно треба необхідно должны должен должна обязательно обязаны нужно надо необходимо требуется трябва задължително необходим необходима",
    advice: 'варто рекомендуємо рекомендовано бажано слід следует рекомендуется рекомендуем желательно препоръчително препоръчваме',
    possibility: 'можна можете може можуть можно может могут можеш могат дозволено разрешено позволено',
  },
  Greek: {
    necessity: 'πρέπει υποχρεωτικό υποχρεωτική υποχρεωτικά υποχρεωτικός απαιτείται απαιτούνται χρειάζεται χρειάζονται χρειάζεστε αναγκαίο',
    advice: 'συνιστάται συνιστούμε προτείνουμε καλύτερα έπρεπε',
    possibility: 'μπορείτε μπορείς μπορεί μπορούν μπορούμε επιτρέπεται επιτρέπονται προαιρετικό προαιρετική',
  },
  Hungarian: {
    necessity: 'kell kötelező szükséges muszáj',
    advice: 'érdemes ajánlott javasolt ajánljuk javasoljuk kellene kéne',
    possibility: 'lehet lehetséges szabad választható opcionális',
  },
  Finnish: {
    necessity: 'täytyy pitää pakko pakollinen pakollista välttämätön välttämätöntä vaaditaan tarvitaan',
    advice: 'kannattaa suositellaan suosittelemme pitäisi tulisi kannattaisi',
    possibility: 'voi voit voitte voidaan voivat saatte vapaaehtoinen vapaaehtoista',
  },
  Estonian: {
    necessity: 'peab peate pead peavad kohustuslik vaja',
    advice: 'tuleks peaks peaksite soovitame soovitatav soovitav',
    possibility: 'võib võite võid saab saate vabatahtlik',
  },
  Baltic: {
    necessity: 'privalo privalote privaloma privalomas reikia obligāti obligāts vajag nepieciešams',
    advice: 'rekomenduojama rekomenduojame patartina vertėtų reikėtų turėtumėte ieteicams iesakām vajadzētu',
    possibility: 'gali galite galima varat drīkst',
  },
  Turkish: {
    necessity: 'zorunlu zorunludur mecburi gerekir gerekli gereklidir gerekiyor gerekmektedir lazım şart şarttır',
    advice: 'önerilir öneririz tavsiye',
    possibility: 'mümkün mümkündür opsiyonel isteğe',
  },
  Indonesian: {
    necessity: 'harus wajib perlu mesti diwajibkan diharuskan memerlukan',
    advice: 'sebaiknya disarankan dianjurkan seharusnya hendaknya',
    possibility: 'bisa boleh dapat diperbolehkan diizinkan opsional',
  },
  Tagalog: {
    necessity: 'kailangan kailangang kinakailangan obligado',
    advice: 'dapat inirerekomenda iminumungkahi',
    possibility: 'maaari maaaring puwede pwede puwedeng pwedeng opsyonal',
  },
  Vietnamese: {
    necessity: 'phải cần buộc',
    advice: 'nên',
    possibility: '',
  },
  Swahili: {
    necessity: 'lazima sharti inabidi',
    advice: 'inashauriwa tunashauri unapaswa mnapaswa inapaswa',
    possibility: 'hiari inaruhusiwa',
  },
};

/** Each word's point on the scale, a word two languages put at different points left out. */
const strengths: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  const ambiguous = new Set<string>();
  const put = (words: string, s: number): void => {
    for (const w of words.split(' ')) {
      if (w === '') continue;
      const had = out.get(w);
      if (had !== undefined && had !== s) ambiguous.add(w);
      out.set(w, s);
    }
  };
  for (const l of Object.values(languages)) {
    put(l.necessity, 3);
    put(l.advice, 2);
    put(l.possibility, 1);
  }
  for (const w of ambiguous) out.delete(w);
  return out;
})();

/**
 * Modals of two words, read at either word with the other beside it (in either order): a conditional that makes a
 * necessity advice (Romanian "ar trebui", Czech "měl by", Bulgarian "би трябвало"), a necessity said
 * with "have … that" (Spanish "tiene que", Portuguese "tem de"), Vietnamese "có thể" ("can"),
 * Greek "καλό είναι" ("it is good to").
 */
const pairs: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>, number])[] = [
  [new Set(['ar']), new Set(['trebui']), 2],
  [new Set(['měl', 'měla', 'měli', 'mělo', 'mal', 'mala', 'mali', 'malo']), new Set(['by', 'byste', 'bys']), 2],
  [new Set(['trebao', 'trebala', 'trebali', 'trebalo']), new Set(['bi', 'biste']), 2],
  [new Set(['би']), new Set(['трябвало']), 2],
  [new Set(['tiene', 'tienes', 'tienen', 'tenéis', 'tenemos', 'hay']), new Set(['que']), 3],
  [new Set(['tem', 'têm', 'temos']), new Set(['de', 'que']), 3],
  [new Set(['có']), new Set(['thể']), 1],
  [new Set(['bắt']), new Set(['buộc']), 3],
  [new Set(['καλό']), new Set(['είναι']), 2],
];

/**
 * Verb endings that carry the modal: Turkish "-meli" / "-malı" ("bildirmelisiniz", must) and
 * "-ebil" / "-abil" ("bildirebilirsiniz", can), Swahili "-weza" ("unaweza", can) and "-hitaji"
 * ("unahitaji", need).
 */
function affixStrength(w: string): number {
  if (w.length >= 7 && /(?:meli|malı)(?:y[iı]m|s[iı]n|y[iı]z|s[iı]n[iı]z|d[iı]r|ler|lar)?$/u.test(w)) return 3;
  if (w.length >= 8 && /[ae]bil(?:ir|ecek)/u.test(w)) return 1;
  if (/^[a-z]{1,4}hitaji$/u.test(w)) return 3;
  if (/^[a-z]{1,4}weza(?:kana)?$/u.test(w)) return 1;
  return 0;
}

/**
 * Where a lower-cased word of another language than English stands on the modal scale, read between
 * its neighbours `prev` and `next`: 3 necessity, 2 advice, 1 possibility, 0 not a modal here.
 */
export function languageModal(w: string, prev: string | undefined, next: string | undefined): number {
  const s = strengths.get(w);
  if (s !== undefined) return s;
  // Most words are in no pair (an English answer's, all of them): no pair is looked at.
  if (paired.has(w))
    for (const [first, second, strength] of pairs)
      if ((first.has(w) && beside(second, prev, next)) || (second.has(w) && beside(first, prev, next))) return strength;
  return knownAffixStrength(w);
}

/** Either word beside the other, in either order ("měli byste" / "by mali"). */
function beside(set: ReadonlySet<string>, prev: string | undefined, next: string | undefined): boolean {
  return (prev !== undefined && set.has(prev)) || (next !== undefined && set.has(next));
}

// Every word of a pair, either half.
const paired: ReadonlySet<string> = new Set(pairs.flatMap(([first, second]) => [...first, ...second]));

// affixStrength by word (memo-by-text.ts): asked of every word of a clause compared for modality.
const knownAffixStrength = memoByText(affixStrength);

/** Whether a word may be read as another language's modal ({@link languageModal}), whatever its neighbours. */
export function mayBeLanguageModal(w: string): boolean {
  return strengths.has(w) || paired.has(w) || knownAffixStrength(w) !== 0;
}
