// Words of what the customer gets at no charge or back, in the Latin-script languages other than
// English that answers are read in (the counterpart of claim-assertion.ts's "free", "included",
// "refund"): a sentence an answer adds with one of them ("Les petites réparations sont offertes")
// commits the service as its English form does. A word is looked up as written, lower-cased; no word
// below is an English word.

/** Per language: its words of "free", "offered", "included", "refunded", in their inflected forms. */
const entitlements: Readonly<Record<string, readonly string[]>> = Object.freeze({
  German: ['kostenlos', 'kostenlose', 'kostenlosen', 'gratis', 'umsonst', 'inklusive', 'inbegriffen', 'erstattet'],
  Spanish: [
    'gratuito',
    'gratuita',
    'gratuitos',
    'gratuitas',
    'incluido',
    'incluida',
    'incluidos',
    'incluidas',
    'reembolsado',
    'reembolsada',
  ],
  Portuguese: ['grátis', 'gratuito', 'gratuita', 'gratuitos', 'gratuitas', 'incluído', 'incluída', 'incluídos', 'incluídas', 'reembolsado'],
  French: [
    'gratuit',
    'gratuite',
    'gratuits',
    'gratuites',
    'offert',
    'offerte',
    'offerts',
    'offertes',
    'inclus',
    'incluse',
    'incluses',
    'remboursé',
    'remboursée',
    'remboursés',
    'remboursées',
  ],
  Italian: ['gratuito', 'gratuita', 'gratuiti', 'gratuite', 'incluso', 'inclusa', 'inclusi', 'incluse', 'rimborsato', 'rimborsata'],
});

const words = new Set(Object.values(entitlements).flat());

/** Whether a lower-cased word is another language's word of something given free, included or refunded. */
export function isEntitlementWord(w: string): boolean {
  return words.has(w);
}
