import { type Random, seededRandom } from '@understudy/core';
import type { ChatAnswer, SavedResponse } from '../fixtures.js';
import { scenariosA } from './domains-a.js';
import { scenariosB } from './domains-b.js';
import { emit, emitError, endpointOf, type WireFormat, wireFormats } from './protocols.js';
import { answer, isModal, isPolar, type Style, type TextScenario, type Truth } from './scenario.js';
import { pick, type Slot } from './slot.js';
import { type ToolScenario, toolScenarios } from './tools.js';

/**
 * The facts quality set: answers in six domains (travel, banking, health scheduling, HR, code
 * assistance, returns), written from its own sentence bank (nothing shared with the demo agent's
 * phrasebook or the seed-42 set), in OpenAI chat, OpenAI Responses and Anthropic formats, JSON
 * and SSE. Each input has an original, one to three baselines (other production answers to the
 * same input) and two labelled candidates: one noise, one regression.
 */
export const factRegressionKinds = [
  'number',
  'date_time',
  'identifier',
  'entity',
  'negation',
  'modality',
  'added_claim',
  'dropped_value',
  'refusal',
  'truncated',
  'error_status',
  'tool_arg',
  'wrong_tool',
] as const;
export type FactRegressionKind = (typeof factRegressionKinds)[number];
export const factNoiseStyles = ['paraphrase', 'shorter', 'longer', 'bulleted', 'reordered', 'varying_fact', 'tool_preamble'] as const;
export type FactNoiseStyle = (typeof factNoiseStyles)[number];

export interface FactCase {
  id: string;
  domain: string;
  format: WireFormat;
  endpoint: string;
  label: 'noise' | 'regression';
  kind: FactRegressionKind | FactNoiseStyle;
  original: SavedResponse;
  candidate: SavedResponse;
  /** Other production answers to the same input (one to three). */
  baselines: SavedResponse[];
}

const model = 'assistant-2026-05';
const textKinds: readonly FactRegressionKind[] = [
  'number',
  'negation',
  'entity',
  'added_claim',
  'date_time',
  'identifier',
  'modality',
  'refusal',
  'truncated',
  'error_status',
];
const toolKinds: readonly FactRegressionKind[] = ['tool_arg', 'wrong_tool', 'tool_arg', 'error_status'];
const textStyles: readonly FactNoiseStyle[] = ['paraphrase', 'shorter', 'longer', 'bulleted', 'reordered', 'varying_fact'];
const refusals = [
  "I'm sorry, but I can't help with that request.",
  "I'm afraid I can't share that information.",
  'Unfortunately I am not able to assist with this.',
  "Sorry, that's not something I can do.",
];

function text(format: WireFormat, random: Random, body: string, finishReason: ChatAnswer['finishReason'] = 'stop'): SavedResponse {
  return emit(format, random, { text: body, toolCalls: [], finishReason, model });
}

function mutateSlot(random: Random, truth: Truth, kind: Slot['kind']): Truth | undefined {
  const names = Object.entries(truth.slots)
    .filter(([, s]) => s.kind === kind)
    .map(([n]) => n);
  if (names.length === 0) return undefined;
  const n = pick(random, names);
  const slot = truth.slots[n];
  if (slot === undefined) return undefined;
  return { ...truth, slots: { ...truth.slots, [n]: slot.mutate(random) } };
}

function textInput(random: Random, scenario: TextScenario, format: WireFormat, i: number, id: string): FactCase[] {
  const inputSeed = Math.floor(random.next() * 2 ** 31);
  const truth: Truth = { slots: scenario.slots(seededRandom(inputSeed)), negated: random.next() < 0.5, necessary: random.next() < 0.5 };
  const baselineCount = 1 + (i % 3);
  const noiseStyle = textStyles[Math.floor(i / 2) % textStyles.length] ?? 'paraphrase';
  const varying = noiseStyle === 'varying_fact' && scenario.varying !== undefined ? scenario.varying : undefined;
  // Production that varies a figure (a rounded estimate) does so in every answer, original included.
  const productionTruth = (): Truth =>
    varying === undefined ? truth : { ...truth, slots: { ...truth.slots, [varying.slot]: varying.values(random) } };
  const prodStyle = (): Style => pick(random, ['paraphrase', 'paraphrase', 'reordered'] as const);
  const original = text(format, random, answer(random, scenario, productionTruth(), prodStyle()));
  const baselines = Array.from({ length: baselineCount }, () =>
    text(format, random, answer(random, scenario, productionTruth(), prodStyle())),
  );
  const endpoint = endpointOf(format);
  const base = { domain: scenario.domain, format, endpoint, original, baselines };
  const noiseKind: FactNoiseStyle = varying === undefined && noiseStyle === 'varying_fact' ? 'paraphrase' : noiseStyle;
  const noiseBody = answer(random, scenario, productionTruth(), noiseKind === 'varying_fact' ? 'paraphrase' : (noiseKind as Style));
  const cases: FactCase[] = [{ ...base, id: `${id}-noise`, label: 'noise', kind: noiseKind, candidate: text(format, random, noiseBody) }];

  const kind = textKinds[Math.floor(i / 2) % textKinds.length] ?? 'number';
  const style = pick(random, ['paraphrase', 'reordered', 'bulleted', 'longer'] as const);
  let candidate: SavedResponse | undefined;
  switch (kind) {
    case 'number':
    case 'date_time':
    case 'identifier':
    case 'entity': {
      const changed = mutateSlot(random, truth, kind) ?? mutateSlot(random, truth, 'number');
      if (changed !== undefined) candidate = text(format, random, answer(random, scenario, changed, style));
      break;
    }
    case 'negation':
      if (scenario.sentences.some(isPolar))
        candidate = text(format, random, answer(random, scenario, { ...truth, negated: !truth.negated }, style));
      break;
    case 'modality':
      if (scenario.sentences.some(isModal))
        candidate = text(format, random, answer(random, scenario, { ...truth, necessary: !truth.necessary }, style));
      break;
    case 'added_claim':
      candidate = text(format, random, answer(random, scenario, truth, style, [pick(random, scenario.claims)]));
      break;
    case 'refusal':
      candidate = text(format, random, pick(random, refusals));
      break;
    case 'truncated': {
      // A cut answer: the model ran out of tokens (finish reason says so) or the agent cut it silently.
      const full = answer(random, scenario, truth, 'paraphrase').split(' ');
      const keep = Math.max(4, Math.floor(full.length * (0.3 + random.next() * 0.4)));
      const cut = full
        .slice(0, keep)
        .join(' ')
        .replace(/[.,;:!?]$/, '');
      candidate = text(format, random, cut, random.next() < 0.5 ? 'length' : 'stop');
      break;
    }
    case 'error_status':
      candidate = emitError(format, pick(random, [500, 502, 503, 529]));
      break;
    default:
      break;
  }
  if (candidate !== undefined) cases.push({ ...base, id: `${id}-${kind}`, label: 'regression', kind, candidate });
  return cases;
}

function toolInput(random: Random, scenario: ToolScenario, format: WireFormat, i: number, id: string): FactCase[] {
  const inputSeed = Math.floor(random.next() * 2 ** 31);
  const input = (): Random => seededRandom(inputSeed);
  const turn = (calls = scenario.calls(input(), random)): SavedResponse => {
    const preamble = pick(random, scenario.preambles);
    return emit(format, random, { text: preamble === '' ? null : preamble, toolCalls: calls, finishReason: 'tool_calls', model });
  };
  const original = turn();
  const baselines = Array.from({ length: 1 + (i % 3) }, () => turn());
  const base = { domain: scenario.domain, format, endpoint: `${endpointOf(format)}#tools`, original, baselines };
  const cases: FactCase[] = [{ ...base, id: `${id}-noise`, label: 'noise', kind: 'tool_preamble', candidate: turn() }];
  const kind = toolKinds[i % toolKinds.length] ?? 'tool_arg';
  const calls = scenario.calls(input(), random);
  const candidate =
    kind === 'tool_arg'
      ? turn(scenario.wrongArgument(random, calls))
      : kind === 'wrong_tool'
        ? turn(scenario.wrongTool(calls))
        : emitError(format, pick(random, [500, 503]));
  cases.push({ ...base, id: `${id}-${kind}`, label: 'regression', kind, candidate });
  return cases;
}

/** Generates the set: per domain `inputs` inputs, two of every three a text answer, one a tool call. */
export function generateFactSet(seed = 2026, inputs = 50): FactCase[] {
  const random = seededRandom(seed);
  const scenarios = [...scenariosA, ...scenariosB];
  const domains = [...new Set(scenarios.map((s) => s.domain))];
  const cases: FactCase[] = [];
  domains.forEach((domain, d) => {
    const texts = scenarios.filter((s) => s.domain === domain);
    const tool = toolScenarios.find((t) => t.domain === domain);
    let t = 0;
    let u = 0;
    for (let i = 0; i < inputs; i++) {
      const format = wireFormats[(i + d) % wireFormats.length] ?? 'openai.chat/json';
      const id = `${domain}-${i}`;
      if (i % 3 === 2 && tool !== undefined) cases.push(...toolInput(random, tool, format, u++, id));
      else {
        const scenario = texts[t % texts.length];
        if (scenario !== undefined) cases.push(...textInput(random, scenario, format, t, id));
        t++;
      }
    }
  });
  return cases;
}
