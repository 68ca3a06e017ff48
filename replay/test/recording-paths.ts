import { writeFileSync } from 'node:fs';
import { createRedactor, priceLookup, type RecordDeps } from '@understudy/capture';
import { parseConfig, seededRandom } from '@understudy/core';
import { createEgress, type Egress } from '@understudy/egress';
import type { Store } from '@understudy/store';
import { createTap, storeSink, type Tap } from '@understudy/tap';
import type { Hono } from 'hono';
import { fileLogger, listen, type Running, tempStore } from './support.js';

/** A tap shadowing everything to `candidate` and an egress recording `tools`, both listening, over one upstream. */
export interface RecordingPaths {
  /** A new SQLite store, its file, and the file every log line of the tap and egress goes to. */
  readonly store: Store;
  readonly file: string;
  readonly logFile: string;
  readonly upstreamUrl: string;
  readonly tap: Tap;
  readonly egress: Egress;
  readonly tapUrl: string;
  readonly egressUrl: string;
  /** What importers and replays record with: the tap's redaction key, patterns and body cap. */
  readonly record: RecordDeps;
  /** Closes the tap, the egress, the servers and the store. */
  close(): Promise<void>;
}

/**
 * Every live recording path of one process, wired as `understudy start` wires them, on a new
 * SQLite store: `upstreamApp` listening, versions `stable` and `candidate` on it (with
 * `versionHeaders`), the tap (shadow rate 1) and the egress proxy with destination `tools` at
 * `upstream/tools` (record), both logging to a file.
 */
export async function startRecordingPaths(options: {
  readonly upstreamApp: Hono;
  readonly redactionKey: string;
  readonly seed: number;
  readonly versionHeaders?: Record<string, string>;
}): Promise<RecordingPaths> {
  const { redactionKey } = options;
  const { store, file } = await tempStore();
  const logFile = `${file}.log`;
  writeFileSync(logFile, '');
  const logger = fileLogger(logFile);
  const upstreamServer = await listen(options.upstreamApp);
  const upstream = upstreamServer.url;
  const headers = options.versionHeaders ?? {};
  const config = parseConfig({
    tap: { shadow: { version: 'candidate', rate: 1 } },
    egress: { destinations: [{ name: 'tools', baseUrl: `${upstream}/tools`, policy: 'record' }] },
  });
  const record = {
    redactor: createRedactor(config.tap.redaction, redactionKey),
    prices: priceLookup({}),
    maxBodyBytes: config.tap.capture.maxBodyBytes,
  };
  const version = { name: 'stable', upstream, headers };
  await store.versions.upsert(version);
  await store.versions.upsert({ name: 'candidate', upstream, headers });
  const tap = createTap({
    config: config.tap,
    version,
    shadowVersion: { name: 'candidate', upstream, headers },
    sink: storeSink(store),
    redactionKey,
    random: seededRandom(options.seed),
    logger,
  });
  const egress = createEgress({ config: config.egress, store, redactionKey, logger });
  const servers: Running[] = [await listen(tap.app.fetch), await listen(egress.app.fetch)];
  return {
    store,
    file,
    logFile,
    upstreamUrl: upstream,
    tap,
    egress,
    tapUrl: servers[0]?.url ?? '',
    egressUrl: servers[1]?.url ?? '',
    record,
    close: async () => {
      await tap.close();
      await egress.close();
      for (const s of [...servers, upstreamServer]) await s.close();
      await store.close();
    },
  };
}
