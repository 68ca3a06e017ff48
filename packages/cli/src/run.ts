import { UnderstudyError } from '@understudy/core';
import { type CliIo, exitCode, UsageError } from './cli-io.js';
import { commands } from './commands/index.js';
import { logRedaction } from './log-redaction.js';

function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Usage: understudy <command> [options]

Shadow-traffic replay and canary releases for AI agents.

Commands:
${list}

Run "understudy <command> --help" for a command's options.
Environment: UNDERSTUDY_DB (SQLite file or postgres:// URL; default data/understudy.db),
UNDERSTUDY_ADMIN_TOKEN (control-plane bearer token), UNDERSTUDY_REDACTION_KEY.
Exit codes: 0 ok, 1 gate or threshold breached, 2 usage or input error.
`;
}

/**
 * Runs one `understudy` invocation and returns its exit code. Everything it touches comes in
 * through `io` and `signal`, so tests drive it in-process; only `main.ts` reads `process`.
 */
export async function run(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return exitCode.ok;
  }
  if (name === undefined) {
    io.stderr(help());
    return exitCode.usage;
  }
  try {
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (command === undefined) throw new UsageError(`unknown command "${name}" (see understudy --help)`);
    return await (await command.load()).run(rest, io, signal);
  } catch (error) {
    // A reason may quote what it was given (a URL with its password, a token): redacted as a log line is.
    io.stderr(`understudy ${name}: ${logRedaction()(oneLine(error))}\n`);
    return exitCode.usage;
  }
}

/** The reason for failing, on one line: usage and coded errors by message, others with their kind. */
function oneLine(error: unknown): string {
  const message =
    error instanceof UsageError || error instanceof UnderstudyError
      ? error.message
      : error instanceof Error
        ? `unexpected ${error.name}: ${error.message}`
        : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
