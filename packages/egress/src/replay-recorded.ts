import type { ServerResponse } from 'node:http';
import { openSealed } from '@understudy/capture';
import type { ToolCallRecord } from '@understudy/store';

/** The response fields a replayed answer leaves out: Node frames the body itself (RFC 9110 §7.6.1). */
const notReplayed = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'trailer',
  'upgrade',
  'x-understudy-version',
]);

/** Writes a recorded tool answer to a shadow call, byte for byte, with its recorded status and headers. */
export function writeRecorded(outgoing: ServerResponse, recorded: ToolCallRecord, sealingKey: Parameters<typeof openSealed>[1]): void {
  const headers: Record<string, string> = {};
  for (const [field, value] of Object.entries(recorded.responseHeaders)) if (!notReplayed.has(field)) headers[field] = value;
  headers['x-understudy-egress'] = 'replayed';
  outgoing.writeHead(recorded.status ?? 200, headers);
  // A live recording's body is sealed at rest; older rows (and redacted ones) are sent as stored.
  const bytes = openSealed(recorded.responseBody, sealingKey) ?? recorded.responseBody;
  outgoing.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
