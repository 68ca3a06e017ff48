/** USD per million input and output tokens. */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
}

/**
 * List prices of common models (USD per million tokens, standard tier, no caching), enough to
 * put a cost on demo and typical traffic. Operators override or extend it with `tap.pricing`.
 */
export const defaultPricing: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4-turbo': { inputPerMTok: 10, outputPerMTok: 30 },
  'gpt-3.5-turbo': { inputPerMTok: 0.5, outputPerMTok: 1.5 },
  o1: { inputPerMTok: 15, outputPerMTok: 60 },
  'o3-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-opus': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-3-haiku': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
});

/** Looks a model up by exact name, then by the longest table key it starts with (dated snapshots). */
export type PriceLookup = (model: string) => ModelPrice | undefined;

export function priceLookup(overrides: Readonly<Record<string, ModelPrice>> = {}): PriceLookup {
  const table = new Map<string, ModelPrice>([...Object.entries(defaultPricing), ...Object.entries(overrides)]);
  const keys = [...table.keys()].sort((a, b) => b.length - a.length);
  const memo = new Map<string, ModelPrice | undefined>();
  return (model) => {
    if (memo.has(model)) return memo.get(model);
    const exact = table.get(model);
    const key = exact === undefined ? keys.find((k) => model.startsWith(`${k}-`) || model.startsWith(`${k}@`)) : model;
    const price = key === undefined ? undefined : table.get(key);
    // Bounded: model names are few in practice, and a flood of unknown ones stops being memoised.
    if (memo.size < 1024) memo.set(model, price);
    return price;
  };
}

export function costUsd(price: ModelPrice | undefined, inputTokens: number | null, outputTokens: number | null): number | null {
  if (price === undefined || (inputTokens === null && outputTokens === null)) return null;
  return ((inputTokens ?? 0) * price.inputPerMTok + (outputTokens ?? 0) * price.outputPerMTok) / 1_000_000;
}
