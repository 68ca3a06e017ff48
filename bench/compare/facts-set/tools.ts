import type { Random } from '@understudy/core';
import type { ToolCallSpec } from '../fixtures.js';
import { pick } from './slot.js';

/** A tool-using turn in one domain: the call production makes, how it can go wrong, what it says first. */
export interface ToolScenario {
  readonly domain: string;
  /** The call for one input (`input` fixes the values; `noise` words the free-text arguments). */
  calls(input: Random, noise: Random): ToolCallSpec[];
  /** One typed argument changed: a date, a path, an id, an enum, a number. */
  wrongArgument(random: Random, calls: ToolCallSpec[]): ToolCallSpec[];
  /** Another tool for the same turn. */
  wrongTool(calls: ToolCallSpec[]): ToolCallSpec[];
  /** What the model says before calling (reworded run to run; sometimes nothing). */
  readonly preambles: readonly string[];
}

function isoDate(random: Random): string {
  return `2026-${String(1 + Math.floor(random.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random.next() * 28)).padStart(2, '0')}`;
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One argument changed to another value of its own type. */
function changeArgument(random: Random, calls: ToolCallSpec[], key: string, change: (v: unknown, r: Random) => unknown): ToolCallSpec[] {
  return calls.map((c, i) => (i === 0 && key in c.args ? { ...c, args: { ...c.args, [key]: change(c.args[key], random) } } : c));
}

const nudgeDate = (v: unknown, r: Random): unknown => shiftDate(String(v), pick(r, [1, -1, 2, 7, 30]));

export const toolScenarios: readonly ToolScenario[] = [
  {
    domain: 'travel',
    calls: (input, noise) => [
      {
        name: 'search_flights',
        args: {
          origin: pick(input, ['LIS', 'OPO', 'MAD', 'BCN']),
          destination: pick(input, ['CPH', 'OSL', 'ARN', 'HEL']),
          departure_date: isoDate(input),
          cabin: pick(input, ['economy', 'premium_economy', 'business']),
          passengers: 1 + Math.floor(input.next() * 3),
          note: pick(noise, ['window seat if possible', 'prefers a window seat', 'window seat preferred']),
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () => changeArgument(r, calls, 'departure_date', nudgeDate),
        () => changeArgument(r, calls, 'cabin', (v) => (v === 'economy' ? 'business' : 'economy')),
        () => changeArgument(r, calls, 'passengers', (v) => Number(v) + 1),
        () => changeArgument(r, calls, 'destination', (v) => (v === 'CPH' ? 'OSL' : 'CPH')),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'book_flight', args: c.args })),
    preambles: ['Let me look up flights for you.', "I'll search for available flights now.", 'Checking flights on that date.', ''],
  },
  {
    domain: 'banking',
    calls: (input) => [
      {
        name: 'create_transfer',
        args: {
          from_account: `ACC-${Math.floor(input.next() * 900000 + 100000)}`,
          to_iban: `DE89 3704 0044 0532 ${Math.floor(input.next() * 9000 + 1000)} 00`,
          amount: Math.round(input.next() * 200000) / 100,
          currency: pick(input, ['EUR', 'USD', 'GBP']),
          execute_on: isoDate(input),
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () => changeArgument(r, calls, 'amount', (v) => Math.round(Number(v) * 10 * 100) / 100),
        () => changeArgument(r, calls, 'execute_on', nudgeDate),
        () => changeArgument(r, calls, 'to_iban', (v) => String(v).replace(/\d(?=\d* 00$)/, (d) => String((Number(d) + 1) % 10))),
        () => changeArgument(r, calls, 'currency', (v) => (v === 'EUR' ? 'USD' : 'EUR')),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'schedule_payment', args: c.args })),
    preambles: ["I'll set up that transfer now.", 'Setting up the transfer for you.', 'Okay, creating the transfer.', ''],
  },
  {
    domain: 'health',
    calls: (input, noise) => [
      {
        name: 'book_appointment',
        args: {
          patient_id: `P${Math.floor(input.next() * 9000000 + 1000000)}`,
          clinic_id: pick(input, ['clinic_riverside', 'clinic_elm', 'clinic_lakeview']),
          start: `${isoDate(input)}T${String(8 + Math.floor(input.next() * 9)).padStart(2, '0')}:${pick(input, ['00', '30'])}:00`,
          duration_minutes: pick(input, [15, 30, 45]),
          reason: pick(noise, ['annual check-up', 'yearly physical', 'routine annual check']),
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () =>
          changeArgument(r, calls, 'start', (v) =>
            String(v).replace(/T(\d\d)/, (_, h: string) => `T${String((Number(h) + 1) % 24).padStart(2, '0')}`),
          ),
        () => changeArgument(r, calls, 'start', (v) => `${shiftDate(String(v).slice(0, 10), 1)}${String(v).slice(10)}`),
        () => changeArgument(r, calls, 'duration_minutes', (v) => Number(v) + 15),
        () => changeArgument(r, calls, 'clinic_id', (v) => (v === 'clinic_elm' ? 'clinic_lakeview' : 'clinic_elm')),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'cancel_appointment', args: { patient_id: c.args.patient_id } })),
    preambles: [
      'Let me book that for you.',
      "I'll reserve that slot now.",
      'Booking the appointment.',
      'One moment while I schedule this.',
      '',
    ],
  },
  {
    domain: 'hr',
    calls: (input) => [
      {
        name: 'submit_leave_request',
        args: {
          employee_id: `E-${Math.floor(input.next() * 90000 + 10000)}`,
          type: pick(input, ['annual', 'sick', 'parental']),
          start_date: isoDate(input),
          end_date: isoDate(input),
          half_day: input.next() < 0.3,
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () => changeArgument(r, calls, 'end_date', nudgeDate),
        () => changeArgument(r, calls, 'type', (v) => (v === 'annual' ? 'sick' : 'annual')),
        () => changeArgument(r, calls, 'half_day', (v) => !v),
        () => changeArgument(r, calls, 'employee_id', (v) => String(v).replace(/\d$/, (d) => String((Number(d) + 3) % 10))),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'get_leave_balance', args: { employee_id: c.args.employee_id } })),
    preambles: ["I'll submit the request now.", 'Submitting your leave request.', 'Let me file that for you.', ''],
  },
  {
    domain: 'code',
    calls: (input, noise) => [
      {
        name: 'edit_file',
        args: {
          path: pick(input, ['src/server/routes/users.ts', 'packages/api/src/index.ts', 'lib/utils/date-format.js', 'app/models/order.rb']),
          line: 10 + Math.floor(input.next() * 300),
          replace: pick(input, ['const limit = 50;', 'return res.status(404).end();', "import { z } from 'zod';"]),
          message: pick(noise, ['fix the off-by-one in pagination', 'fix pagination off-by-one', 'correct the pagination bug']),
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () => changeArgument(r, calls, 'path', (v) => String(v).replace(/\/([^/]+)$/, '/index.ts')),
        () => changeArgument(r, calls, 'path', (v) => String(v).replace(/^[^/]+/, 'test')),
        () => changeArgument(r, calls, 'line', (v) => Number(v) + 1),
        () =>
          changeArgument(r, calls, 'replace', (v) =>
            String(v)
              .replace(/\d+/, (d) => String(Number(d) * 2))
              .replace('404', '500'),
          ),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'delete_file', args: { path: c.args.path } })),
    preambles: ["I'll make that edit.", 'Let me patch the file.', 'Applying the fix now.', 'Here is the change.', ''],
  },
  {
    domain: 'returns',
    calls: (input) => [
      {
        name: 'create_return',
        args: {
          order_id: `ORD-${Math.floor(input.next() * 9000000 + 1000000)}`,
          sku: `SKU-${pick(input, ['BT', 'HP', 'JK'])}-${Math.floor(input.next() * 900 + 100)}`,
          reason: pick(input, ['damaged', 'wrong_size', 'not_as_described']),
          refund_method: pick(input, ['original_payment', 'store_credit']),
          pickup_date: isoDate(input),
        },
      },
    ],
    wrongArgument: (r, calls) =>
      pick(r, [
        () => changeArgument(r, calls, 'refund_method', (v) => (v === 'original_payment' ? 'store_credit' : 'original_payment')),
        () => changeArgument(r, calls, 'pickup_date', nudgeDate),
        () => changeArgument(r, calls, 'order_id', (v) => String(v).replace(/\d$/, (d) => String((Number(d) + 1) % 10))),
        () => changeArgument(r, calls, 'reason', (v) => (v === 'damaged' ? 'wrong_size' : 'damaged')),
      ])(),
    wrongTool: (calls) => calls.map((c) => ({ name: 'cancel_order', args: { order_id: c.args.order_id } })),
    preambles: ["I'll start the return.", 'Creating the return for you now.', 'Let me set up the return.', ''],
  },
];
