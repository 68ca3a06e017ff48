import { qualityDir, writeQualitySet } from './quality-files.js';

const set = writeQualitySet();
const regressions = set.cases.filter((c) => c.label === 'regression').length;
console.log(`wrote ${set.cases.length} cases (${regressions} regressions) and ${set.baselines.length} baseline pairs to ${qualityDir}`);
