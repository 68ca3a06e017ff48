import { isValidVersionName } from '@understudy/core';
import { type ImportFormat, importExchanges, importFormats } from '@understudy/replay';
import { openStore } from '@understudy/store';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { inputFile } from '../input-file.js';
import { parseFlags } from '../parse-flags.js';
import { recordDepsFor } from '../record-deps.js';
import { redactionKeyOf } from '../secrets.js';
import type { Command } from './command.js';

const usage = `Usage: understudy import FILE [--format har|goreplay|jsonl|otlp] [--skip-invalid] [--version NAME] [--json]

Imports recorded traffic as live exchanges, ready to replay: HAR 1.2 (Chromium, Playwright,
devtools), GoReplay capture files (request / original response / replayed response),
Understudy's own JSONL (from "understudy export"), or OTLP JSON traces (Langfuse, Phoenix, an
OpenTelemetry Collector's file exporter): each model-call span (GenAI semantic conventions or
OpenInference attributes) becomes an OpenAI chat completion; other spans are ignored. The
format is guessed from the extension or the first bytes. The import is one transaction: a malformed entry stops it, names the entry or
line, and nothing is kept, unless --skip-invalid (then skipped entries are counted and listed).

  --version NAME   the version recorded on HAR, GoReplay and OTLP entries (default: imported)
`;

export const importCommand: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        format: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        version: { type: 'string' },
        json: { type: 'boolean' },
        config: { type: 'string' },
      },
      { positionals: true },
    );
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('import needs a FILE');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = values.format;
    if (format !== undefined && !(importFormats as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${importFormats.join(', ')}, got "${format}"`);
    if (values.version !== undefined && !isValidVersionName(values.version))
      throw new UsageError(`--version "${values.version}" is not a valid version name`);
    const path = inputFile(file, io.cwd);
    const { config, dbUrl, dataDir } = loadCliConfig(io, values.config);
    const record = recordDepsFor(config, dataDir);
    const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
    try {
      const result = await importExchanges(store, path, {
        ...(format === undefined ? {} : { format: format as ImportFormat }),
        skipInvalid: values['skip-invalid'] === true,
        ...(values.version === undefined ? {} : { version: values.version }),
        record,
      });
      if (values.json === true) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        io.stdout(
          `imported ${result.imported} exchanges from ${file} (${result.format})${result.duplicates > 0 ? `, ${result.duplicates} already stored` : ''}${result.ignored > 0 ? `, ${result.ignored} spans that are not model calls ignored` : ''}\n`,
        );
        if (result.skipped > 0) {
          io.stdout(`skipped ${result.skipped} invalid entries:\n`);
          for (const p of result.problems) io.stdout(`  ${p.where}: ${p.reason}\n`);
          if (result.skipped > result.problems.length) io.stdout(`  … and ${result.skipped - result.problems.length} more\n`);
        }
      }
      return exitCode.ok;
    } finally {
      await store.close();
    }
  },
};
