import type { ServerResponse } from 'node:http';

/** Writes the tap's own JSON error response: `{ error: { code, message } }`. */
export function writeError(outgoing: ServerResponse, status: number, code: string, message: string, versionName?: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (versionName !== undefined) headers['x-understudy-version'] = versionName;
  outgoing.writeHead(status, headers);
  outgoing.end(body);
}
