import { type Random, seededRandom } from '@understudy/core';
import { anthropicSse, type ChatAnswer, errorResponse, openAiChat, pick, type SavedResponse, type ToolCallSpec } from './fixtures.js';

/**
 * A labelled quality set for the divergence engine: production-like answers that differ only
 * by paraphrase noise (label `noise`) and real regressions (label `regression`), plus baseline
 * pairs (production vs production) to build the noise model from. Seeded: same seed, same set.
 */

export const regressionKinds = [
  'wrong_tool',
  'wrong_argument',
  'dropped_field',
  'type_change',
  'refusal',
  'truncated',
  'error_status',
] as const;
export type RegressionKind = (typeof regressionKinds)[number];

export interface QualityCase {
  id: string;
  endpoint: string;
  label: 'noise' | 'regression';
  kind: RegressionKind | 'paraphrase';
  original: SavedResponse;
  candidate: SavedResponse;
}

export interface BaselinePair {
  endpoint: string;
  a: SavedResponse;
  b: SavedResponse;
}

// Sentence templates: `{a|b|c}` slots are paraphrase choices; a leading `?` marks a sentence
// production sometimes leaves out.
export const topicList: readonly (readonly string[])[] = [
  [
    '{You can|You may|It is possible to} {request|ask for|get} a refund within {30|thirty} days of {purchase|buying the item|your order}.',
    '{The item|The product|Your purchase} {must|has to|needs to} be {unused|in unused condition|in its original state} and {in the original packaging|in its box|still packaged}.',
    '{Refunds|Reimbursements|Repayments} {are issued|are sent|go back} to the {original payment method|card you paid with|same payment method} within {five to seven|5-7|a few} business days.',
    '?{Shipping costs|Delivery fees|Postage charges} {are not refundable|cannot be refunded|are non-refundable} {unless the item arrived damaged|except for damaged items|if the item was not damaged}.',
    '{To start|To begin|To open} a {return|refund request}, {go to|open|visit} the Orders page and {select|choose|pick} the item.',
  ],
  [
    '{Your order|The package|Your parcel} {shipped|was dispatched|left our warehouse} {yesterday|on Monday|this morning} {via|with|through} {the standard carrier|our courier|standard shipping}.',
    '{It should arrive|Expected delivery is|You can expect it} {within three business days|in about three days|by Thursday}.',
    '{You can|You may|Feel free to} {track it|follow its progress|check its status} {with|using} the {tracking number|tracking code} {in your confirmation email|we emailed you|from your email}.',
    '?{If it does not arrive|If it is late|Should it be delayed}, {contact|reach out to|write to} {support|our support team|customer service} and {we will help|we can investigate|we will look into it}.',
  ],
  [
    '{To reset|To change|To recover} your password, {click|select|press} {Forgot password|the forgot password link} on the {sign-in|login} page.',
    '{We will send|You will receive|An email will arrive with} a {reset link|link to reset it|one-time link} {that expires|valid for|which lasts} {in one hour|for one hour|for sixty minutes}.',
    '{Choose|Pick|Select} a {new password|fresh password} {of at least twelve characters|with twelve or more characters|that is at least 12 characters long}.',
    '?{For security|As a precaution|To keep your account safe}, {all other sessions|your other devices|existing sessions} {will be signed out|are logged out|get signed out}.',
  ],
  [
    'The {Pro plan|Professional tier|Pro subscription} {costs|is priced at|runs} {twenty dollars|$20|20 dollars} {per month|a month|monthly} {per seat|for each user|per user}.',
    '{It includes|You get|It comes with} {unlimited projects|an unlimited number of projects|no limit on projects} and {priority support|faster support|support with priority}.',
    '{Annual billing|Paying yearly|A yearly plan} {saves|gives you|comes with} {two months|about sixteen percent|a discount of two months}.',
    '?{You can|You may} {cancel|stop|end} {at any time|whenever you like|anytime} {from the billing page|in billing settings|under Billing}.',
    '{Teams|Organizations|Companies} {larger than fifty|over 50 people|with more than fifty users} {should contact|can talk to|may reach} {sales|our sales team} {for a quote|for custom pricing|about enterprise pricing}.',
  ],
  [
    'The {API|REST API|service} {limits|caps|restricts} {requests|calls} to {one hundred|100} per minute {per key|for each API key|per token}.',
    '{When you exceed|If you go over|Once you pass} {the limit|it|that rate}, {the server|the API|it} {returns|answers with|responds with} {status 429|a 429 error|HTTP 429}.',
    '{Retry|Try again|Resend the request} {after|once} the {number of seconds|delay} {in the Retry-After header|given by Retry-After|the Retry-After header says}.',
    '?{Higher limits|Raised limits|Bigger quotas} {are available|can be arranged|are possible} on {the Enterprise plan|Enterprise|enterprise contracts}.',
  ],
  [
    '{Our office|The office|We} {are open|open|operate} {Monday to Friday|on weekdays|from Monday through Friday} {from nine to five|9am to 5pm|between 9 and 5}.',
    '{On weekends|Saturdays and Sundays|During the weekend}, {chat support|the chat|our chat line} {is staffed|remains available|stays open} {from ten to two|10am to 2pm|between 10 and 2}.',
    '{Public holidays|Holidays|Bank holidays} {follow|use|observe} the {local calendar|calendar of each region|regional calendar}.',
    '?{Emergency|Urgent|Critical} {issues|incidents|problems} {can be reported|may be raised|are handled} {around the clock|at any hour|24/7} {by phone|over the phone|on the hotline}.',
  ],
];

const openers = ['', '', 'Sure! ', 'Happy to help. ', 'Great question. ', 'Here is what I found. ', 'Of course. '];
const closers = [
  '',
  '',
  ' Let me know if you need anything else.',
  ' Hope this helps!',
  ' Is there anything else I can do?',
  ' Feel free to ask more.',
];

function render(random: Random, template: string): string {
  return template.replace(/^\?/, '').replace(/\{([^}]*)\}/g, (_, options: string) => pick(random, options.split('|')));
}

/** One production answer to a question about `topic`: paraphrased, reordered, framed. */
export function answerText(random: Random, topic: readonly string[]): string {
  const sentences = topic.filter((t) => !(t.startsWith('?') && random.next() < 0.35)).map((t) => render(random, t));
  // An LLM moves sentences around: swap one adjacent pair half of the time, and sometimes a second.
  for (let k = 0; k < 2; k++) {
    if (random.next() < 0.5 && sentences.length > 1) {
      const i = Math.floor(random.next() * (sentences.length - 1));
      const a = sentences[i];
      const b = sentences[i + 1];
      if (a !== undefined && b !== undefined) {
        sentences[i] = b;
        sentences[i + 1] = a;
      }
    }
  }
  return pick(random, openers) + sentences.join(' ') + pick(random, closers);
}

const cities = ['Paris', 'Berlin', 'Lisbon', 'Oslo', 'Madrid', 'Vienna', 'Prague', 'Dublin'];
const queryWords = [
  ['refund', 'return', 'reimbursement'],
  ['policy', 'rules', 'terms'],
  ['for', 'on', 'about'],
  ['shoes', 'footwear', 'sneakers'],
];

interface ToolScenario {
  /** `input` decides what the question fixes (the city); `noise` what the model words freely. */
  calls(input: Random, noise: Random): ToolCallSpec[];
  wrongTool(calls: ToolCallSpec[]): ToolCallSpec[];
  wrongArgument(random: Random, calls: ToolCallSpec[]): ToolCallSpec[];
}

const toolScenarios: readonly ToolScenario[] = [
  {
    // Weather: the city and unit are decided by the question, not by the model's mood.
    calls: (input) => [{ name: 'get_weather', args: { city: pick(input, cities), unit: 'celsius' } }],
    wrongTool: (calls) => calls.map((c) => ({ name: 'search_docs', args: { query: `weather ${String(c.args.city)}`, limit: 5 } })),
    wrongArgument: (random, calls) =>
      calls.map((c) => ({
        ...c,
        args: {
          ...c.args,
          city: pick(
            random,
            cities.filter((x) => x !== c.args.city),
          ),
        },
      })),
  },
  {
    // Search: the query wording varies in production (noise); the limit does not.
    calls: (_input, noise) => [{ name: 'search_docs', args: { query: queryWords.map((w) => pick(noise, w)).join(' '), limit: 5 } }],
    wrongTool: (calls) =>
      calls.map(() => ({ name: 'create_ticket', args: { title: 'Customer question', priority: 'low', customer_id: 'c_1001' } })),
    wrongArgument: (_random, calls) => calls.map((c) => ({ ...c, args: { ...c.args, limit: 50 } })),
  },
  {
    // Two parallel calls in one turn: production emits them in either order.
    calls: (_input, noise) => {
      const calls = [
        { name: 'lookup_order', args: { order_id: 'o_48213' } },
        { name: 'lookup_customer', args: { customer_id: 'c_1001', include: ['email', 'tier'] } },
      ];
      return noise.next() < 0.5 ? calls : calls.reverse();
    },
    wrongTool: (calls) => calls.map((c) => (c.name === 'lookup_order' ? { name: 'cancel_order', args: c.args } : c)),
    wrongArgument: (_random, calls) =>
      calls.map((c) => (c.name === 'lookup_customer' ? { ...c, args: { ...c.args, customer_id: 'c_1010' } } : c)),
  },
];

const stepWords = [
  ['Verify', 'Check', 'Confirm'],
  ['the', 'the customer'],
  ['order', 'purchase', 'booking'],
];

/** A structured (generic JSON) agent answer: a plan with steps, priority, confidence and prose. */
function planBody(random: Random, topic: readonly string[]): Record<string, unknown> {
  return {
    id: `plan_${Math.floor(random.next() * 1e9)}`,
    created: 1_760_000_000 + Math.floor(random.next() * 1e6),
    plan: {
      steps: [
        stepWords.map((w) => pick(random, w)).join(' '),
        pick(random, ['Issue the refund', 'Send the refund', 'Process the refund']),
        'Notify customer',
      ],
      priority: 'normal',
      escalate: false,
      owner: { team: 'support', queue: 3 },
    },
    // Model confidence wobbles between runs: a noisy field the noise model must learn.
    confidence: Math.round((0.7 + random.next() * 0.25) * 100) / 100,
    summary: answerText(random, topic).slice(0, 400),
  };
}

function json(path: string, body: unknown): SavedResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, path, body: JSON.stringify(body) };
}

const model = 'support-agent-v7';

interface Scenario {
  endpoint: string;
  /** A production answer to one fixed input: `input` (reseeded per call) fixes the question, `noise` the wording. */
  produce(inputRandom: Random, noiseRandom: Random): SavedResponse;
  regress(kind: RegressionKind, inputRandom: Random, noiseRandom: Random): SavedResponse | undefined;
}

function textScenario(protocol: 'openai' | 'anthropic'): Scenario {
  const path = protocol === 'openai' ? '/v1/chat/completions' : '/v1/messages';
  const emit = (random: Random, answer: ChatAnswer): SavedResponse =>
    protocol === 'openai' ? openAiChat(random, answer, random.next() < 0.5) : anthropicSse(random, answer);
  return {
    endpoint: `POST ${path}`,
    produce: (input, noise) => emit(noise, { text: answerText(noise, pick(input, topicList)), toolCalls: [], finishReason: 'stop', model }),
    regress(kind, input, noise) {
      const topic = pick(input, topicList);
      const text = answerText(noise, topic);
      switch (kind) {
        case 'refusal':
          return emit(noise, {
            text: pick(noise, [
              "I'm sorry, but I can't help with that request.",
              'I am sorry, but I cannot assist with that.',
              "Sorry, I can't provide that information.",
            ]),
            toolCalls: [],
            finishReason: 'stop',
            model,
          });
        case 'truncated': {
          const words = text.split(' ');
          const keep = Math.max(3, Math.floor(words.length * (0.25 + noise.next() * 0.35)));
          // Half the time the model says so (`length`), half the agent cut it silently.
          return emit(noise, {
            text: words.slice(0, keep).join(' '),
            toolCalls: [],
            finishReason: noise.next() < 0.5 ? 'length' : 'stop',
            model,
          });
        }
        case 'error_status':
          return errorResponse(path, pick(noise, [500, 502, 429]));
        default:
          return undefined;
      }
    },
  };
}

function toolScenario(): Scenario {
  return {
    endpoint: 'POST /v1/chat/completions#tools',
    produce: (input, noise) => {
      const scenario = pick(input, toolScenarios);
      const calls = scenario.calls(input, noise);
      return { ...openAiChat(noise, { text: null, toolCalls: calls, finishReason: 'tool_calls', model }, noise.next() < 0.5) };
    },
    regress(kind, input, noise) {
      const scenario = pick(input, toolScenarios);
      const calls = scenario.calls(input, noise);
      if (kind === 'wrong_tool')
        return openAiChat(
          noise,
          { text: null, toolCalls: scenario.wrongTool(calls), finishReason: 'tool_calls', model },
          noise.next() < 0.5,
        );
      if (kind === 'wrong_argument')
        return openAiChat(
          noise,
          { text: null, toolCalls: scenario.wrongArgument(noise, calls), finishReason: 'tool_calls', model },
          noise.next() < 0.5,
        );
      if (kind === 'error_status') return errorResponse('/v1/chat/completions', pick(noise, [500, 503]));
      return undefined;
    },
  };
}

function planScenario(): Scenario {
  const path = '/v1/agent/plan';
  return {
    endpoint: `POST ${path}`,
    produce: (input, noise) => json(path, planBody(noise, pick(input, topicList))),
    regress(kind, input, noise) {
      const body = planBody(noise, pick(input, topicList));
      const plan = body.plan as Record<string, unknown>;
      if (kind === 'dropped_field') {
        const field = pick(noise, ['priority', 'escalate', 'owner']);
        delete plan[field];
        return json(path, body);
      }
      if (kind === 'type_change') {
        if (noise.next() < 0.5) body.confidence = String(body.confidence);
        else plan.escalate = 'no';
        return json(path, body);
      }
      if (kind === 'wrong_argument') {
        // A stable field takes another value: only a baseline can tell this from noise.
        plan.priority = pick(noise, ['high', 'urgent', 'low']);
        return json(path, body);
      }
      if (kind === 'error_status') return errorResponse(path, 500);
      return undefined;
    },
  };
}

const scenarios: readonly Scenario[] = [textScenario('openai'), textScenario('anthropic'), toolScenario(), planScenario()];

const kindsByEndpoint: Record<string, readonly RegressionKind[]> = {
  'POST /v1/chat/completions': ['refusal', 'truncated', 'error_status'],
  'POST /v1/messages': ['refusal', 'truncated'],
  'POST /v1/chat/completions#tools': ['wrong_tool', 'wrong_argument', 'error_status'],
  'POST /v1/agent/plan': ['dropped_field', 'type_change', 'wrong_argument'],
};

/**
 * Generates the set: for each scenario, `inputs` distinct inputs; per input one baseline pair
 * (two production answers), one paraphrase-noise case and, in turn, one regression case of each
 * kind the endpoint can show.
 */
export function generateQualitySet(seed = 42, inputsPerScenario = 60): { cases: QualityCase[]; baselines: BaselinePair[] } {
  const random = seededRandom(seed);
  const cases: QualityCase[] = [];
  const baselines: BaselinePair[] = [];
  for (const scenario of scenarios) {
    const kinds = kindsByEndpoint[scenario.endpoint] ?? [];
    for (let i = 0; i < inputsPerScenario; i++) {
      const inputSeed = Math.floor(random.next() * 2 ** 31);
      const input = (): Random => seededRandom(inputSeed);
      const original = scenario.produce(input(), random);
      baselines.push({ endpoint: scenario.endpoint, a: scenario.produce(input(), random), b: scenario.produce(input(), random) });
      const id = `${scenario.endpoint.replace(/[^a-z0-9]+/gi, '_')}-${i}`;
      cases.push({
        id: `${id}-noise`,
        endpoint: scenario.endpoint,
        label: 'noise',
        kind: 'paraphrase',
        original,
        candidate: scenario.produce(input(), random),
      });
      const kind = kinds[i % kinds.length];
      if (kind === undefined) continue;
      const candidate = scenario.regress(kind, input(), random);
      if (candidate !== undefined)
        cases.push({ id: `${id}-${kind}`, endpoint: scenario.endpoint, label: 'regression', kind, original, candidate });
    }
  }
  return { cases, baselines };
}
