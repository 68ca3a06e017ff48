import { createRedactor, priceLookup, recordExchange } from '@understudy/capture';
import type { Exchange, TapConfig } from '@understudy/core';
import type { WriterBuilder } from '@understudy/store';
import { unpackParts } from './unpack-parts.js';
import { warmUpParts } from './writer-warm-up.js';

/** Rounds of {@link warmUpParts} a writer builds at start (3 exchanges each; ~0.1–0.2 s of the writer's CPU, at its priority). */
export const writerWarmUpRounds = 20;

/** What the capture writer needs to build exchanges exactly as the tap would: its redaction, pricing and body cap. */
export interface WriterBuildOptions {
  readonly redaction: TapConfig['redaction'];
  /** The tap's redaction key: the placeholders' keyed hashes must be the tap's own. */
  readonly redactionKey: string;
  readonly pricing: TapConfig['pricing'];
  readonly maxBodyBytes: number;
  /** Rounds of throw-away builds before the first real one (default {@link writerWarmUpRounds}; 0: none). */
  readonly warmUpRounds?: number;
}

/** What a test can see of the builder's start. */
export interface WriterBuilderHooks {
  /** Called once the warm-up is done: the exchanges it built and those that failed to build. */
  readonly warmedUp?: (built: number, failed: number) => void;
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

/**
 * Called in the writer: `(packed parts) => Exchange`, by capture's `recordExchange` (see `packParts`).
 * Before it returns, the writer builds {@link warmUpParts} (see there why) with a redactor of its
 * own, so nothing of them (remembered secrets, clean paths) reaches a real exchange; their
 * exchanges are thrown away, never stored.
 */
export function createWriterBuilder(options: WriterBuildOptions, hooks: WriterBuilderHooks = {}): (unbuilt: unknown) => Exchange {
  const prices = priceLookup(options.pricing);
  const deps = {
    redactor: createRedactor(options.redaction, options.redactionKey),
    prices,
    maxBodyBytes: options.maxBodyBytes,
    // Each exchange is inserted in the batch its parts came in: its bodies stay views of the batch's buffer.
    storedAtOnce: true,
  };
  const rounds = options.warmUpRounds ?? writerWarmUpRounds;
  if (rounds > 0) {
    const warm = { ...deps, redactor: createRedactor(options.redaction, options.redactionKey) };
    const parts = warmUpParts();
    let built = 0;
    let failed = 0;
    for (let round = 0; round < rounds; round++)
      for (const p of parts) {
        try {
          recordExchange(p, warm);
          built++;
        } catch {
          // Only a warm-up: a real exchange that fails to build is counted by the writer.
          failed++;
        }
      }
    hooks.warmedUp?.(built, failed);
  }
  return (unbuilt) => recordExchange(unpackParts(unbuilt), deps);
}
