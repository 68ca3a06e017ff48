import { factSetFile, writeFactSet } from './facts-set/files.js';
import { qualityDir, writeQualitySet } from './quality-files.js';

const set = writeQualitySet();
const regressions = set.cases.filter((c) => c.label === 'regression').length;
console.log(`wrote ${set.cases.length} cases (${regressions} regressions) and ${set.baselines.length} baseline pairs to ${qualityDir}`);
const facts = writeFactSet();
console.log(`wrote ${facts.length} facts cases (${facts.filter((c) => c.label === 'regression').length} regressions) to ${factSetFile}`);
