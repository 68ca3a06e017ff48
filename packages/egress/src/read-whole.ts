import type { IncomingMessage } from 'node:http';

/** Reads a request body up to `cap` bytes; past it the rest is drained and undefined returned. */
export function readWhole(incoming: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) chunks.push(chunk);
    });
    incoming.once('end', () => resolve(size > cap ? undefined : Buffer.concat(chunks, size)));
    incoming.once('error', reject);
  });
}
