import { isUtf8 } from 'node:buffer';
import { isSealed, openSealed } from '@understudy/core';
import type { Redactor } from './redactor.js';

/**
 * What a reader (the API, the dashboard) may see of a stored body that may be sealed: a sealed
 * body is opened with the redaction key's sealing key and shown redacted like any capture; a
 * sealed body nobody here can open, or one that is not text, shows as a marker. Bodies that are
 * not sealed are returned as they are (they were redacted when recorded).
 */
export function revealSealed(bytes: Uint8Array, contentType: string, redactor: Redactor | undefined): Uint8Array {
  if (!isSealed(bytes)) return bytes;
  const plain = redactor === undefined ? undefined : openSealed(bytes, redactor.sealingKey());
  if (plain === undefined || redactor === undefined) return marker(`[sealed: ${bytes.length} bytes]`);
  if (!isUtf8(plain)) return marker(`[sealed binary: ${plain.length} bytes]`);
  return marker(redactor.forExchange().body(Buffer.from(plain).toString('utf8'), contentType));
}

function marker(text: string): Uint8Array {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
