// The words action-agent.ts reads who does or pays for an action by: where a clause is cut into
// stretches, the verbs of action, the subjects and people on each side, the auxiliaries between them.

// Words a stretch is cut at (the next words have a subject or a verb of their own).
export const cuts = new Set([
  'and',
  'but',
  'so',
  'before',
  'after',
  'when',
  'once',
  'until',
  'while',
  'then',
  'or',
  'because',
  'since',
  'whereas',
]);
// Cuts across which a stretch with no subject of its own keeps the last one's agent ("we deliver on Friday and collect on Monday").
export const coordinators = new Set(['and', 'or', 'then']);

/** A verb's third-person form ("fetch" → "fetches", "carry" → "carries", "set" → "sets"). */
function thirdPerson(v: string): string {
  if (/(sh|ch|s|x)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

// Verbs of an action someone does or pays for (base and third-person forms). Not the verbs two sides
// share ("we hire out bikes" / "you hire a bike", "we take cash" / "you pay cash"): hire, rent, take, accept, charge.
const actionVerbList = (
  'bring buy pay arrange book supply provide carry fetch collect return install set put pitch clean clear handle ' +
  'organise organize apply wheel drop fix repair move inspect insure prime decorate download configure tune deliver ' +
  'cover sort load unload assemble erect dismantle empty wash prepare print post ship send lift transfer remove dispose ' +
  'stock lend tow pick mount hang paint plant file submit register renew measure fit replace maintain refill feed leave wear switch shift'
).split(' ');
export const actionVerbs = new Set(actionVerbList.flatMap((v) => [v, thirdPerson(v)]));
// Verbs that say the action is done for the reader when passive ("are provided", "is transferred").
export const servedParticiples = new Set(
  'provided supplied included lent loaned handed issued handled arranged organised organized delivered collected transferred installed fitted covered stocked'.split(
    ' ',
  ),
);
// Words between a subject and its verb ("we also collect", "you'll need to clean", "you only carry").
export const auxiliaries = new Set([
  'also',
  'still',
  'then',
  'just',
  'only',
  'always',
  'usually',
  'will',
  'need',
  'needs',
  'have',
  'has',
  'to',
  'must',
  'should',
]);
export const modals = new Set(['can', 'may', 'could', 'might']);
// What a price is called before "includes" ("the hire includes", "our price … includes" reads the word before it: "$260").
export const pricedThings = new Set(
  'price prices fee fees hire rate rates quote booking ticket tickets package membership service cost'.split(' '),
);
// "is provided", and "isn't included" (the negation read with the stretch's others).
export const beForms = new Set([
  'is',
  'are',
  'be',
  'been',
  'being',
  'was',
  'were',
  "it's",
  "they're",
  'gets',
  'get',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
]);
// People on the reader's side: the reader by another name.
export const readerPeople = new Set(
  (
    'customer customers client clients owner owners homeowner homeowners guest guests member members tenant tenants buyer buyers ' +
    'renter renters hirer hirers subscriber subscribers learner learners participant participants student students parent parents ' +
    'rider riders visitor visitors patient patients user users applicant applicants'
  ).split(' '),
);
// People and things on the service's side.
export const servicePeople = new Set(
  (
    'crew team staff driver drivers technician technicians engineer engineers instructor instructors guide guides club company ' +
    'fitter fitters installer installers courier couriers'
  ).split(' '),
);
// The reader's subject forms.
export const readerSubjects = new Set(['you', "you'll", "you'd"]);
// Words before who is billed ("billed to the owner").
export const billing = new Set(['billed', 'charged', 'invoiced']);
export const serviceSubjects = new Set(['we', "we'll", "we'd", "we're", "we've"]);
// What the reader bears "at your (own) …".
export const readerCosts = new Set(['cost', 'expense', 'risk']);
// Words between "no" and a price word ("at no extra charge").
export const modifiers = new Set(['extra', 'additional', 'added', 'further', 'a', 'any']);
