import type { CapturedBody, Exchange } from '@understudy/core';

/** A body as the API shows it: text when the bytes are UTF-8, base64 otherwise. */
export interface BodyJson {
  readonly encoding: 'utf8' | 'base64';
  readonly text: string;
  /** Bytes transferred on the wire; more than the captured bytes when truncated. */
  readonly size: number;
  readonly truncated: boolean;
}

/** An exchange as `GET /api/exchanges` returns it: camelCase, bodies decoded, time as ISO-8601. */
export type ExchangeJson = Omit<Exchange, 'startedAt' | 'requestBody' | 'responseBody'> & {
  readonly startedAt: string;
  readonly requestBody: BodyJson;
  readonly responseBody: BodyJson;
};

export function exchangeToJson(e: Exchange): ExchangeJson {
  return {
    ...e,
    startedAt: new Date(e.startedAt).toISOString(),
    requestBody: bodyToJson(e.requestBody),
    responseBody: bodyToJson(e.responseBody),
  };
}

export function bodyToJson(body: CapturedBody): BodyJson {
  const base = { size: body.size, truncated: body.truncated };
  try {
    // A truncated body may end inside a multi-byte character; `stream: true` leaves that
    // incomplete tail out instead of calling the whole body binary.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes, { stream: body.truncated });
    return { encoding: 'utf8', text, ...base };
  } catch {
    return {
      encoding: 'base64',
      text: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('base64'),
      ...base,
    };
  }
}
