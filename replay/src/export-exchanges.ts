import type { ExchangeFilter, Store } from '@understudy/store';
import { exchangeToJsonLine } from './jsonl-format.js';

/**
 * Streams matching exchanges oldest first as JSONL, one page at a time; `write` may return a
 * promise (a file stream's drain) to hold the reader back. Returns the number written.
 */
export async function exportJsonl(store: Store, filter: ExchangeFilter, write: (chunk: string) => void | Promise<void>): Promise<number> {
  let n = 0;
  for await (const exchange of store.scan.iterate(filter, 500)) {
    await write(`${exchangeToJsonLine(exchange)}\n`);
    n++;
  }
  return n;
}
