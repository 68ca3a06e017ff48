import { isValidVersionName, type Version } from '@understudy/core';
import { versionToJson } from '@understudy/server';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { parseFlags, parseUpstream } from '../parse-flags.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

const usage = `Usage: understudy versions add NAME --upstream URL [--header K:V]... [--config FILE]
       understudy versions list [--json] [--config FILE]

Named agent versions: an upstream base URL plus extra headers, so two prompt versions behind
one service can differ by e.g. --header x-prompt-version:13. "add" writes to UNDERSTUDY_DB;
"list" shows those plus the "versions" declared in the config file.
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
    if (action === 'list') {
      if (name !== undefined) throw new UsageError(`unexpected argument "${name}"`);
      if (values.upstream !== undefined || values.header !== undefined)
        throw new UsageError('--upstream and --header apply to "versions add"');
      const { config } = loadCliConfig(io, values.config);
      const stored = await withStore(io, values.config, (store) => store.versions.list());
      // Versions declared in the config count too; the store's entry wins for a shared name.
      const names = new Set(stored.map((v) => v.name));
      const versions = [...stored, ...config.versions.filter((v) => !names.has(v.name))].sort((a, b) => a.name.localeCompare(b.name));
      const shown = versions.map(versionToJson);
      io.stdout(values.json === true ? `${JSON.stringify(shown, null, 2)}\n` : table(shown));
      return exitCode.ok;
    }
    throw new UsageError(action === undefined ? 'versions needs "add" or "list"' : `unknown versions action "${action}" (add, list)`);
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

function table(versions: readonly Version[]): string {
  if (versions.length === 0) return 'no versions yet (add one with: understudy versions add NAME --upstream URL)\n';
  const rows = versions.map((v) => [
    v.name,
    v.upstream,
    Object.entries(v.headers)
      .map(([k, val]) => `${k}:${val}`)
      .join(' '),
  ]);
  const widths = [0, 1].map((i) => Math.max(i === 0 ? 4 : 8, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `${cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c))
      .join('  ')
      .trimEnd()}\n`;
  return line(['NAME', 'UPSTREAM', 'HEADERS']) + rows.map(line).join('');
}
