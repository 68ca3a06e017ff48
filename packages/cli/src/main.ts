import { capYoungGeneration, youngGenerationSetByFlag } from '@understudy/core';
import type { CliIo } from './cli-io.js';
import { run } from './run.js';

// The one place that reads argv and env, handles signals, and exits.

const controller = new AbortController();
let signalled = false;
const onSignal = (name: NodeJS.Signals): void => {
  if (signalled) {
    // A second Ctrl-C means "now": skip the drain.
    process.stderr.write(`understudy: ${name} again, exiting without draining\n`);
    process.exit(130);
  }
  signalled = true;
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
};

// A proxy role's young generation stays small (see capYoungGeneration): set before the command
// loads its modules, which would grow it past the cap. Not for `start`, whose compare pool's
// workers would be held at their first size too; not when the operator sized it by a flag.
const [command] = process.argv.slice(2);
const runtimeFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
if ((command === 'tap' || command === 'egress') && !youngGenerationSetByFlag(runtimeFlags)) capYoungGeneration();

const code = await run(process.argv.slice(2), io, controller.signal);
// Exit explicitly once output is written: a library's stray handle must not keep a finished
// command alive.
process.stdout.write('', () => process.exit(code));
