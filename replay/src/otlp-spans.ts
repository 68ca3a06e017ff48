import { z } from 'zod/v4';
import type { ImportItem } from './import-problem.js';

/** An OTLP JSON attribute value (`AnyValue`); ints may come as strings (int64 in JSON). */
type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: { key: string; value?: AnyValue }[] };
};
const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string().regex(/^-?\d+$/), z.number().int()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.looseObject({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z.looseObject({ values: z.array(z.looseObject({ key: z.string(), value: anyValue.optional() })).optional() }).optional(),
  }),
);
const keyValues = z.array(z.looseObject({ key: z.string(), value: anyValue.optional() }));
const nanos = z.union([z.string().regex(/^\d+$/, 'nanoseconds since the epoch'), z.number().int().nonnegative()]);
const spanSchema = z.looseObject({
  traceId: z.string().optional(),
  spanId: z.string().optional(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes: keyValues.optional(),
  status: z.looseObject({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).optional(),
});
const scopeSpans = z.array(z.looseObject({ spans: z.array(z.unknown()).optional() }));
const requestSchema = z.looseObject({
  resourceSpans: z.array(
    z.looseObject({
      scopeSpans: scopeSpans.optional(),
      // OTLP before 0.15 named them so; some exporters still write it.
      instrumentationLibrarySpans: scopeSpans.optional(),
    }),
  ),
});

/** One span of the file, located: `index` counts spans from 1 across the whole file. */
export interface OtlpSpan {
  readonly index: number;
  readonly spanId: string;
  readonly traceId: string;
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly attributes: z.infer<typeof keyValues>;
  /** 2 is ERROR (OTLP's `STATUS_CODE_ERROR`). */
  readonly status?: { readonly code: number; readonly message?: string };
}

export type AttributeMap = ReadonlyMap<string, unknown>;

const msOf = (v: string | number): number => Number(BigInt(v) / 1_000_000n);

function statusCode(code: number | string | undefined): number {
  if (typeof code === 'number') return code;
  return code === 'STATUS_CODE_ERROR' ? 2 : code === 'STATUS_CODE_OK' ? 1 : 0;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'span'}: ${issue?.message ?? 'invalid'}`;
}

/** The documents of a file: one JSON document, or one per line (the Collector's file exporter). */
function* documents(text: string): Generator<ImportItem<{ doc: unknown; where: string }>> {
  const trimmed = text.trim();
  try {
    yield { ok: true, value: { doc: JSON.parse(trimmed) as unknown, where: 'file' } };
    return;
  } catch {
    // not one document: JSON lines?
  }
  const lines = trimmed.split('\n');
  if (lines.length < 2) {
    yield { ok: false, problem: { where: 'file', reason: 'not JSON (expected an OTLP ExportTraceServiceRequest)' } };
    return;
  }
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      yield { ok: true, value: { doc: JSON.parse(line) as unknown, where: `line ${i + 1}` } };
    } catch (cause) {
      yield {
        ok: false,
        problem: { where: `line ${i + 1}`, reason: `not JSON: ${cause instanceof Error ? cause.message : String(cause)}` },
      };
    }
  }
}

/** Every span of an OTLP JSON file, checked one by one so a bad one is named by index and id. */
export function* spansOf(text: string): Generator<ImportItem<OtlpSpan>> {
  let index = 0;
  for (const d of documents(text)) {
    if (!d.ok) {
      yield d;
      continue;
    }
    const request = requestSchema.safeParse(d.value.doc);
    if (!request.success) {
      yield { ok: false, problem: { where: d.value.where, reason: `not an OTLP trace export (${issueText(request.error)})` } };
      continue;
    }
    for (const rs of request.data.resourceSpans) {
      for (const ss of [...(rs.scopeSpans ?? []), ...(rs.instrumentationLibrarySpans ?? [])]) {
        for (const raw of ss.spans ?? []) {
          index++;
          const id = typeof raw === 'object' && raw !== null && 'spanId' in raw ? String(raw.spanId) : '?';
          const span = spanSchema.safeParse(raw);
          if (!span.success) {
            yield { ok: false, problem: { where: `span ${index} (id ${id})`, reason: issueText(span.error) } };
            continue;
          }
          const s = span.data;
          const startMs = msOf(s.startTimeUnixNano);
          const endMs = msOf(s.endTimeUnixNano);
          if (endMs < startMs) {
            yield { ok: false, problem: { where: `span ${index} (id ${id})`, reason: 'endTimeUnixNano is before startTimeUnixNano' } };
            continue;
          }
          yield {
            ok: true,
            value: {
              index,
              spanId: s.spanId ?? '',
              traceId: s.traceId ?? '',
              name: s.name ?? '',
              startMs,
              endMs,
              attributes: s.attributes ?? [],
              ...(s.status === undefined
                ? {}
                : {
                    status: { code: statusCode(s.status.code), ...(s.status.message === undefined ? {} : { message: s.status.message }) },
                  }),
            },
          };
        }
      }
    }
  }
}

function plain(v: AnyValue | undefined): unknown {
  if (v === undefined) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(plain);
  if (v.kvlistValue !== undefined) return Object.fromEntries((v.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]));
  return undefined;
}

/** A span's attributes as plain values by key. */
export function otlpAttributes(list: OtlpSpan['attributes']): AttributeMap {
  return new Map(list.map((kv) => [kv.key, plain(kv.value)]));
}
