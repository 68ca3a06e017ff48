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
