import { isValidVersionName, type Version } from '@understudy/core';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { declaredVersions, planVersions, writeVersionPlan } from '../config-versions.js';
import { parseFlags, parseUpstream } from '../parse-flags.js';
import { formatVersionsView, versionsView } from '../versions-view.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

const usage = `Usage: understudy versions add NAME --upstream URL [--header K:V]... [--config FILE]
       understudy versions list [--json] [--config FILE]
       understudy versions apply [--config FILE]

Named agent versions: an upstream base URL plus extra headers, so two prompt versions behind
one service can differ by e.g. --header x-prompt-version:13. The store (UNDERSTUDY_DB) is the
one truth at run time: running taps follow its changes within a second.

  add     writes a version to the store (replacing one of the same name)
  list    the stored versions, how the config's "versions" compare with them, and the routes:
          which version each tap route serves (its primary) and the canary on it
  apply   writes the config's "versions" to the store, replacing differing ones; "start", "tap",
          "control", "replay" and "canary start" register absent ones themselves and refuse a
          differing one unless --apply-config
`;

export const versionsCommand: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      { upstream: { type: 'string' }, header: { type: 'string', multiple: true }, json: { type: 'boolean' }, config: { type: 'string' } },
      { positionals: true },
    );
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const [action, name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (action === 'add') {
      if (name === undefined) throw new UsageError('versions add needs a NAME');
      if (!isValidVersionName(name)) throw new UsageError(`version name "${name}" must be letters, digits, ".", "_" or "-" (at most 63)`);
      const upstream = parseUpstream(values.upstream);
      if (upstream === undefined) throw new UsageError('versions add needs --upstream URL');
      if (values.json === true) throw new UsageError('--json applies to "versions list"');
      const version: Version = { name, upstream, headers: parseHeaders(values.header ?? []) };
      await withStore(io, values.config, (store) => store.versions.upsert(version));
      io.stdout(`version ${name} → ${upstream}\n`);
      return exitCode.ok;
    }
    if (action !== 'list' && action !== 'apply')
      throw new UsageError(
        action === undefined ? 'versions needs "add", "list" or "apply"' : `unknown versions action "${action}" (add, list, apply)`,
      );
    if (name !== undefined) throw new UsageError(`unexpected argument "${name}"`);
    if (values.upstream !== undefined || values.header !== undefined)
      throw new UsageError('--upstream and --header apply to "versions add"');
    const { config, file } = loadCliConfig(io, values.config);
    const declared = declaredVersions(config, file);
    if (action === 'apply') {
      if (values.json === true) throw new UsageError('--json applies to "versions list"');
      const lines: string[] = [];
      await withStore(io, values.config, async (store) =>
        writeVersionPlan(store, await planVersions(store, declared), { apply: true, report: (line) => lines.push(line) }),
      );
      io.stdout(lines.length === 0 ? 'the store already holds every version the config declares\n' : `${lines.join('\n')}\n`);
      return exitCode.ok;
    }
    const view = await withStore(io, values.config, (store) => versionsView(store, declared));
    io.stdout(values.json === true ? `${JSON.stringify(view, null, 2)}\n` : formatVersionsView(view));
    return exitCode.ok;
  },
};

function parseHeaders(pairs: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(pair);
    if (match?.[1] === undefined) throw new UsageError(`--header must look like NAME:VALUE, got "${pair}"`);
    headers[match[1].toLowerCase()] = match[2] ?? '';
  }
  return headers;
}
