import { z } from 'zod';
import { httpUrl, jsonPath } from './config-fields.js';

/** The divergence engine (`packages/compare`); margins are explained in docs/benchmarks.md. */
export const compareSchema = z.strictObject({
  /** Ignore paths per endpoint glob: `{ "endpoint": "POST /v1/agent/*", "paths": ["$.trace_id"] }`. */
  ignore: z.array(z.strictObject({ endpoint: z.string().min(1), paths: z.array(jsonPath) })).default([]),
  /** Relative tolerance for numbers in bodies and tool arguments (0.01 = 1 %). */
  numericTolerance: z.number().min(0).max(1).default(0),
  noise: z
    .strictObject({
      /** Per pair: a field difference is noise when production differs there in ≥ this share of baseline pairs. */
      fieldNoiseRate: z.number().min(0).max(1).default(0.02),
      minBaselinePairs: z.number().int().min(1).default(10),
      /** Text is a regression below this quantile of production's similarity, minus `textMargin`. */
      textQuantile: z.number().min(0).max(0.5).default(0.02),
      textMargin: z.number().min(0).max(1).default(0.05),
      lengthMargin: z.number().min(0).max(1).default(0.1),
      /** Text prior (docs/benchmarks.md): its weight in baseline pairs, and its similarity and length-ratio bars. */
      textPriorPairs: z.number().min(0).default(20),
      textPriorSimilarity: z.number().min(0).max(1).default(0.1),
      textPriorLengthRatio: z.number().min(0).max(1).default(0.25),
      /** Per-field aggregate test over a run: candidate rate > noise rate × (1 + relative) + absolute. */
      aggregate: z
        .strictObject({
          relative: z.number().min(0).default(0.25),
          absolute: z.number().min(0).max(1).default(0.02),
          minPairs: z.number().int().min(1).default(20),
        })
        .prefault({}),
    })
    .prefault({}),
  limits: z
    .strictObject({
      /** Largest |a|·|b| word product run as a word LCS; past it lines, then the bag measure only. */
      maxLcsCells: z.number().int().positive().default(16_000_000),
      /** Edit budget of the display diff. */
      maxEditLength: z.number().int().positive().default(400),
      maxDifferencesPerCategory: z.number().int().positive().default(50),
    })
    .prefault({}),
  /** Path of a module exporting `compare(candidate, original, context)` (e.g. an LLM judge). */
  extension: z.string().min(1).optional(),
  /**
   * The optional LLM judge: any OpenAI-compatible chat endpoint, asked per compared pair for a
   * structured verdict wherever a process compares (`understudy diff`, `understudy replay`, replays
   * started over the API, the live shadow's comparisons). Off unless set; one judge per process,
   * whose cache and bounds span every comparison in it.
   */
  judge: z
    .strictObject({
      /** Base URL up to the API version: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
      url: httpUrl,
      model: z.string().min(1),
      /** Environment variable holding the bearer key (never in the file). */
      apiKeyEnv: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .default('UNDERSTUDY_JUDGE_API_KEY'),
      /** Per call: the whole call, from the request to the answer's last byte (a trickling answer is cut too). */
      timeoutMs: z.number().int().positive().default(30_000),
      /** Model calls per process; past it pairs are reported as not judged. */
      maxCalls: z.number().int().positive().default(200),
      concurrency: z.number().int().positive().max(64).default(4),
      /** Prompt characters per process (a budget in what every model bills by, ≈ ×¼ tokens). */
      maxPromptChars: z.number().int().positive().default(2_000_000),
    })
    .optional(),
});
