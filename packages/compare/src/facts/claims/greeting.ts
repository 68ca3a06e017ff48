import type { ClauseFacts } from '../clauses/fact-sheet.js';

// Words that open a greeting, in the languages the engine reads ("Hello, Dana from Brightline
// here!", "Hi Sam,", "Bonjour Mme Petit,", "Hola, soy Lucía"). "Good" opens one only before a time
// of day.
const openers = new Set(
  (
    'hello hi hey hiya howdy greetings dear bonjour bonsoir salut coucou hola buenos buenas hallo servus moin guten ' +
    'ciao buongiorno buonasera salve olá ola oi bom boa hej hallå hei goedemorgen goedemiddag goedenavond dag cześć ' +
    'dzień merhaba ahoj dobrý'
  ).split(' '),
);
const timesOfDay = new Set(['morning', 'afternoon', 'evening', 'day']);

/** Whether a clause is a greeting: it opens with a greeting word ("Hello", "Hi there", "Good morning"). */
export function isGreeting(c: ClauseFacts): boolean {
  const first = c.tokens[0]?.lower ?? '';
  return openers.has(first) || (first === 'good' && timesOfDay.has(c.tokens[1]?.lower ?? ''));
}
