import { canaryCommand } from './canary.js';
import type { Command } from './command.js';
import { controlCommand } from './control.js';
import { runDiff } from './diff.js';
import { egressCommand } from './egress.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { replayCommand } from './replay.js';
import { startCommand } from './start.js';
import { tapCommand } from './tap.js';
import { versionsCommand } from './versions.js';

export type { Command } from './command.js';

/** Every subcommand by name, in the order `understudy --help` lists them. */
export const commands: Readonly<Record<string, Command>> = Object.freeze({
  start: startCommand,
  tap: tapCommand,
  control: controlCommand,
  egress: egressCommand,
  versions: versionsCommand,
  canary: canaryCommand,
  replay: replayCommand,
  import: importCommand,
  export: exportCommand,
  // `understudy diff A B` lives in ./diff.ts (`runDiff(args, io)`), owned by the compare engineer.
  diff: { summary: 'compare two saved responses and print the report', run: runDiff },
});
