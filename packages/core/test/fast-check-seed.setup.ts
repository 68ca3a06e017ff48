import fc from 'fast-check';

// Property tests draw new cases on every run, which is how they find what no one wrote down (a
// secret-named member the scan passed over). CI must not fail by lottery on a case no commit
// touched, so `.ci/run` fixes the seed (`FC_SEED`); a local `npm test` keeps drawing new ones, and a
// failure prints its seed to replay with `FC_SEED=<seed> npx vitest run <file>`.
const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });
