import { processRedactor } from '@understudy/capture';
import { type Random, systemRandom } from '@understudy/core';

/**
 * What every line the CLI writes as a log passes through: the redactor's built-in rules (secret-named
 * JSON members, key shapes, passwords in URLs and prose, unlabelled tokens, `?api_key=…`) over the
 * line, so an error that echoes a request body, a URL with a query token or a connection string
 * leaves no secret in a log. Placeholders are keyed by a key of this process's own (no one can test
 * guesses against a log line's placeholder, and the store's key is not needed to write a log).
 */
export function logRedaction(random: Random = systemRandom): (line: string) => string {
  const redactor = processRedactor(random);
  return (line) => redactor.forExchange().body(line, 'application/json');
}
