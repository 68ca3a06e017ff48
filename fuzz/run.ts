/**
 * `npm run fuzz -- [--runs N] [--seed S] [FILTER]`: the fuzz suites alone, with N cases per
 * property (default: each suite's CI budget) and no test timeout, so a long run can take hours.
 * `--seed` replays a reported failure. The suites print the seed they used.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
});
if (values.help === true) {
  console.log('Usage: npm run fuzz -- [--runs N] [--seed S] [FILTER]   (cases per property; seed to replay a failure)');
  process.exit(0);
}
for (const [name, value] of [
  ['runs', values.runs],
  ['seed', values.seed],
] as const) {
  if (value !== undefined && !Number.isSafeInteger(Number(value))) {
    console.error(`npm run fuzz: --${name} must be an integer, got "${value}"`);
    process.exit(2);
  }
}
const env = {
  ...process.env,
  ...(values.runs === undefined ? {} : { UNDERSTUDY_FUZZ_RUNS: values.runs }),
  ...(values.seed === undefined ? {} : { UNDERSTUDY_FUZZ_SEED: values.seed }),
};
const filters = positionals.length === 0 ? ['fuzz/'] : positionals.map((p) => `fuzz/${p}`);
const child = spawn('npx', ['vitest', 'run', '--testTimeout=0', '--hookTimeout=0', ...filters], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 1));
