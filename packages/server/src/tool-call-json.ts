import { type Redactor, revealSealed } from '@understudy/capture';
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

/**
 * A live tool call's response is sealed at rest (it answers shadow calls byte for byte): with
 * the redactor it is shown opened and redacted, without it as a `[sealed: …]` marker.
 */
export function toolCallToJson(call: ToolCallRecord, redactor?: Redactor): ToolCallJson {
  const { requestBody, requestSize, responseSize, responseTruncated, startedAt, ...rest } = call;
  const responseBody = revealSealed(call.responseBody, call.responseHeaders['content-type'] ?? '', redactor);
  return {
    ...rest,
    startedAt: new Date(startedAt).toISOString(),
    requestBody: bodyToJson({ bytes: requestBody, size: requestSize, truncated: requestBody.byteLength < requestSize }),
    responseBody: bodyToJson({ bytes: responseBody, size: responseSize, truncated: responseTruncated }),
  };
}
