/** A value JSON can hold; what every adapter and the structural diff work on. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: JsonValue };

/** Whether a parsed JSON value is a plain object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON, returning `undefined` instead of throwing: a wrong guess about a body never throws. */
export function tryParseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The JSON type name used in differences (`array` and `null` are told apart from `object`). */
export function jsonType(value: JsonValue | undefined): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'undefined' {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/** Reads a string property of an unknown value, or `undefined`. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a finite number property of an unknown value, or `undefined`. */
export function numberAt(value: unknown, key: string): number | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Reads an array property of an unknown value, or an empty array. */
export function arrayAt(value: unknown, key: string): readonly JsonValue[] {
  if (!isJsonObject(value)) return [];
  const v = value[key];
  return Array.isArray(v) ? v : [];
}

/** Reads an object property of an unknown value, or `undefined`. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return isJsonObject(v) ? v : undefined;
}
