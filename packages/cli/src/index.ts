export { type CliIo, type ExitCode, exitCode, UsageError } from './cli-io.js';
export { type Command, commands } from './commands/index.js';
export { run } from './run.js';
