import type { ToolCallRecord } from '@understudy/store';
import { type BodyJson, bodyToJson } from './exchange-json.js';

/** A tool call as the API shows it: bodies decoded like an exchange's, time as ISO-8601. */
export type ToolCallJson = Omit<
  ToolCallRecord,
  'startedAt' | 'requestBody' | 'responseBody' | 'requestSize' | 'responseSize' | 'responseTruncated'
> & {
  readonly startedAt: string;
  readonly requestBody: BodyJson;
  readonly responseBody: BodyJson;
};

export function toolCallToJson(call: ToolCallRecord): ToolCallJson {
  const { requestBody, responseBody, requestSize, responseSize, responseTruncated, startedAt, ...rest } = call;
  return {
    ...rest,
    startedAt: new Date(startedAt).toISOString(),
    requestBody: bodyToJson({ bytes: requestBody, size: requestSize, truncated: requestBody.byteLength < requestSize }),
    responseBody: bodyToJson({ bytes: responseBody, size: responseSize, truncated: responseTruncated }),
  };
}
