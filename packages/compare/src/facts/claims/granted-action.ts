import { contentWords } from '../clauses/content-words.js';
import type { ClauseFacts, FactSheet } from '../clauses/fact-sheet.js';
import { passivePermission } from './granted-permission.js';

/**
 * Whether candidate clause `c` grants a class of things an action in the passive ("Passes can be
 * shared with a friend", granted-permission.ts) whose verb no production answer uses: a permission
 * production never gives. Said with production's verb ("Boxes can be accessed whenever the lobby is
 * open" against "Access is available during lobby hours") it rewords what production says.
 */
export function grantsNewAction(c: ClauseFacts, production: readonly FactSheet[]): boolean {
  const p = passivePermission(c.tokens);
  if (p === undefined) return false;
  const forms = contentWords(p.core);
  return forms.length > 0 && forms.every((w) => !production.some((s) => s.vocabulary.has(w)));
}
