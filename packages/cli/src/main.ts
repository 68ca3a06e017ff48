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

// No role caps V8's young generation (capYoungGeneration): in three same-run A/Bs of bench:tap
// (2026-12-02) the tap without the 4 MB cap served 6-26 % more requests per second at 18-86 µs
// less CPU each, its peak RSS 173-183 MB against 156-159 (the target is 200). An operator who
// wants it smaller sets `--max-semi-space-size` in NODE_OPTIONS.
const code = await run(process.argv.slice(2), io, controller.signal);
// Exit explicitly once output is written: a library's stray handle must not keep a finished
// command alive.
process.stdout.write('', () => process.exit(code));
