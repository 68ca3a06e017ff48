import { createRedactor, priceLookup, recordExchange } from '@understudy/capture';
import type { Exchange, TapConfig } from '@understudy/core';
import type { WriterBuilder } from '@understudy/store';
import { unpackParts } from './unpack-parts.js';

/** What the capture writer needs to build exchanges exactly as the tap would: its redaction, pricing and body cap. */
export interface WriterBuildOptions {
  readonly redaction: TapConfig['redaction'];
  /** The tap's redaction key: the placeholders' keyed hashes must be the tap's own. */
  readonly redactionKey: string;
  readonly pricing: TapConfig['pricing'];
  readonly maxBodyBytes: number;
}

/**
 * The builder a capture writer (thread or process) imports: this module, with the tap's own
 * redaction, pricing and body cap. The writer then runs `recordExchange` on the parts the tap
 * hands it — the same policy, off the proxy's thread — before anything is stored.
 */
export function writerBuilder(config: TapConfig, redactionKey: string): WriterBuilder {
  const options: WriterBuildOptions = {
    redaction: config.redaction,
    redactionKey,
    pricing: config.pricing,
    maxBodyBytes: config.capture.maxBodyBytes,
  };
  // From TypeScript sources (tests) the writer loads the `.ts` module through its loader; from dist, the `.js`.
  const module = new URL(import.meta.url.endsWith('.ts') ? './writer-builder.ts' : './writer-builder.js', import.meta.url).href;
  return { module, options };
}

/** Called in the writer: `(packed parts) => Exchange`, by capture's `recordExchange` (see `packParts`). */
export function createWriterBuilder(options: WriterBuildOptions): (unbuilt: unknown) => Exchange {
  const deps = {
    redactor: createRedactor(options.redaction, options.redactionKey),
    prices: priceLookup(options.pricing),
    maxBodyBytes: options.maxBodyBytes,
    // Each exchange is inserted in the batch its parts came in: its bodies stay views of the batch's buffer.
    storedAtOnce: true,
  };
  return (unbuilt) => recordExchange(unpackParts(unbuilt), deps);
}
