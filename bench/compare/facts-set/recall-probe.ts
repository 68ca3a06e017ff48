import { join } from 'node:path';
import { qualityDir } from '../quality-files.js';

/**
 * The recall probe (`data/quality/facts-probe-r.jsonl`), in the hold-out format: 17 inputs in domains
 * no other set uses (hot air balloons, tree surgery, a board game café, kitesurfing, bookbinding, a
 * bathhouse, archery, vinyl pressing, falconry, a building's move-in rules, pottery painting,
 * glassblowing, sewing machine repair, fencing, cheese by post, calligraphy, an ice cream cart),
 * written on 2026-12-02 (issue-11-r) before that session's rules, to test a recall rule on wordings
 * it was not written from: facts changed in other words ("we rebook you free of charge" → "the flight
 * counts as used"), items moved into or out of what a price covers, new promises with no money or
 * negation word, obligations softened. Own and open: a rule is kept only where it also holds on the
 * hand-written hold-outs.
 */
export const recallProbeFile = join(qualityDir, 'facts-probe-r.jsonl');

/**
 * The second recall probe (`data/quality/facts-probe-s.jsonl`), in the hold-out format: 12 inputs in
 * domains no other set uses (campervan hire, a bicycle repair workshop, energy tariffs, e-scooter
 * sharing, a mattress retailer, a cattery, home broadband, children's swimming lessons, wedding
 * photography, canal boat hire, theatre costume hire, soft play parties), written on 2026-12-02
 * (issue-11-s) before that session's rules: a sentence rewritten so its subject gets the opposite
 * predicate in few shared words ("Please keep pets at home" → "Your pets can travel with you"),
 * concessive tails that flip what a price includes ("…, though fuel is extra"), certainty softened to
 * a possibility ("will" → "might", "is fixed until" → "could go up before"), an item added to an
 * included list, and one noun phrase swapped for another with no name ("your original card" → "a
 * voucher"); and as noise the same facts restated in other words, the same shapes said the same way
 * round. Own and open: a rule is kept only where it also holds on the hand-written hold-outs.
 */
export const recallProbeSFile = join(qualityDir, 'facts-probe-s.jsonl');

/**
 * The third recall probe (`data/quality/facts-probe-u.jsonl`), in the hold-out format: 35 inputs in
 * domains no other set uses (bouncy castles, mobile detailing, pet insurance, a tool library, padel,
 * teeth whitening, goat yoga, Bash and React answers…), written on 2026-12-02 (issue-11-u) before that
 * session's rules: negations said mostly without a negation word in reworded answers (who does it,
 * who pays, what is available, allowed or refunded moves to the other side: "we don't collect" → "we'll
 * pick the mower up", "sold separately" → "every patient goes home with"), modality moved on its scale
 * (will → usually / may, must → recommended / encouraged, up to → will last a full year), and as noise
 * the same facts restated, shortened, bulleted and reordered. Own and open: a rule is kept only where it
 * also holds on the hand-written hold-outs.
 */
export const recallProbeUFile = join(qualityDir, 'facts-probe-u.jsonl');

/**
 * The fourth recall probe (`data/quality/facts-probe-v.jsonl`), in the hold-out format: 20 inputs in
 * domains no other set uses (a sourdough class, bagpipe lessons, bee removal, a puppet theatre, a wave
 * pool, a hedge maze, a llama farm…), written on 2026-12-02 (issue-11-v) before that session's rules:
 * one added sentence that makes a new promise, permission, exemption or free item, with and without a
 * value ("Dogs are allowed on board at no extra charge", "Walk-ins are welcome too"), in copied and in
 * reworded answers; and as noise the same answers made longer by courtesy, empathy and reasons only
 * ("since the flour gets everywhere", "We can't wait to bake with you!"). Own and open: a rule is kept
 * only where it also holds on the hand-written hold-outs.
 */
export const recallProbeVFile = join(qualityDir, 'facts-probe-v.jsonl');

/**
 * The fifth recall probe (`data/quality/facts-probe-x.jsonl`), in the hold-out format: 22 inputs in
 * domains no other set uses (marquee hire, skip hire, a dinghy club, a pizza oven, rehearsal rooms, a
 * wedding carriage, clock repair, boat storage, an oyster farm, glamping yurts, scaffolding, a Gradle and
 * a CSS answer…), one baseline each, written on 2026-12-03 (issue-11-x) before that session's rules: in a
 * reworded answer, who does or pays for an action moves between the service and the reader ("our crew
 * puts it up" → "you'll pitch it yourselves", "we cover return shipping" → "postage is at your own
 * cost"), a rule flipped in a clause that shares few words with the original's ("bring your own
 * cymbals" → "a set of house cymbals is on the kit"), and a sentence added that grants a policy, a free
 * item or a capability production never mentions; as noise the same answers restated, shortened,
 * reordered and made longer by reasons. Own and open: a rule is kept only where it also holds on the
 * hand-written hold-outs.
 */
export const recallProbeXFile = join(qualityDir, 'facts-probe-x.jsonl');

/**
 * The sixth recall probe (`data/quality/facts-probe-y.jsonl`), in the hold-out format: 28 inputs in
 * domains no other set uses (pipe organ tuning, mirror resilvering, alpaca shearing, a piercing studio,
 * freediving, pond care, leaf clearing, kilt hire, grease traps…), one baseline each, typed by hand on
 * 2026-12-03 (issue-11-rc) before the engine was run on it: in a reworded answer, a rule flipped by a
 * verb or adjective of opposite sense, by ellipsis or by a clause merged into another ("we don't tune
 * electronic organs" → "we handle both pipe and electronic organs"), a hedge hardened or a rule softened,
 * and a clause or sentence added that states a policy, promise or fact no production answer supports;
 * as noise the same answers restated, shortened, reordered, bulleted and made longer by advice.
 */
export const recallProbeYFile = join(qualityDir, 'facts-probe-y.jsonl');

/**
 * The multilingual polarity probe (`data/quality/facts-probe-p.jsonl`), in the hold-out format: 22
 * inputs in 21 languages (Polish, Czech, Slovak, Turkish, Vietnamese, Greek, Romanian, Finnish,
 * Estonian, Hungarian, Ukrainian, Bulgarian, Croatian, Lithuanian, Swahili, Tagalog, Indonesian,
 * Norwegian, German, Spanish and English), one baseline each, written by hand on 2026-12-04 (s11-polarity)
 * before any rule of that pass: a negator added, removed or moved, a verb negated by its prefix or
 * affix ("nemusíte", "gerekmez", "nereikia"), an antonym ("płatne" / "darmowe", "refundable" /
 * "non-refundable"), a modal moved on its scale (must → may / should / it is worth it) in each language;
 * as noise the same answers restated, shortened and reordered.
 */
export const recallProbePFile = join(qualityDir, 'facts-probe-p.jsonl');

/**
 * The entity, added-claim and dropped-value probe (`data/quality/facts-probe-e.jsonl`), in the
 * hold-out format: 17 inputs in domains under new names (a sailmaker, a stained glass workshop,
 * saddle fitting, church bell restoration, cider press rental, racket restringing, an Elasticsearch
 * alias answer, an eclipse tour, a cat shelter, seaplane flights, letterpress printing, a trade union,
 * a flamenco school in Spanish, a gliding school in German, an orthotics clinic, a walking tour, a
 * ramen class in Japanese), written on 2026-12-04 (s11-recall) before that session's rules: names,
 * places, products and companies changed (capitalised, multi-word, non-Latin, inside a paraphrase, in a
 * markdown table), sentences added that state a new fee, policy or promise, and a value every
 * production answer states left out of a paraphrase; as noise the same answers restated, shortened
 * (dropping only what baselines also omit), made longer by courtesy and tips, and greetings that name
 * another agent. Own and open: a rule is kept only where it also holds on the hand-written hold-outs.
 */
export const recallProbeEFile = join(qualityDir, 'facts-probe-e.jsonl');

/**
 * The markdown restructuring probe (`data/quality/facts-probe-md.jsonl`), in the hold-out format: 12
 * inputs of long markdown answers as chat assistants write them (headings, bullet and numbered lists,
 * tables, code blocks) in domains no other set uses (espresso machine servicing, a PostgreSQL 14 → 16
 * upgrade, a standing desk warranty, marathon registration, satellite imagery API plans, choir
 * auditions, heating maintenance in German, a holiday cottage in French, air conditioning maintenance
 * in Portuguese, a furniture restoration course in Italian, kimono rental in Japanese, olive pruning in
 * Spanish), two or three baselines each laid out differently, written on 2026-12-04 (s12-align) before
 * that session's rules: 36 candidates restructure the answer (a table turned into bullets or prose, a
 * list into prose, sections reordered, headings renamed, notes added) and change nothing; 36 do the same
 * and carry one regression inside the restructured part (19 negation flips, numbers, dates, ids,
 * entities, added claims, dropped values). Own and open: a rule is kept only where it also holds on the
 * hand-written hold-outs.
 */
export const recallProbeMdFile = join(qualityDir, 'facts-probe-md.jsonl');
