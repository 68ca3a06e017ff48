import { processRedactor, randomShortToken } from '@understudy/capture';
import type { Random } from '@understudy/core';

/**
 * Ids of the shape ours have (ULIDs: 26 capitals and digits; fixtures and imports write them with
 * any capital, `01SHADOW…`): repeated as they are, though they read as random.
 */
const ourId = /^[0-9A-Z]{26}$/;

/** A placeholder already written, or a run of key characters long enough to be a token. */
const words = /\[redacted:[^\]\s]*\]|[A-Za-z0-9_\-+.~]{8,}/g;

/**
 * What an error message may say to the caller and to a log: a 4xx message repeats what was wrong
 * (an id, a name, a filter, a path, a key), and that is the caller's input — but an answer or a log
 * line is a stored byte for a proxy in front of us, and a client with a bug sends its key where an
 * id goes. The redactor's patterns (same rules as the tap's: keys, JWTs, labelled passwords,
 * unlabelled tokens) run over the message, then each word that reads as a random token
 * (`randomShortToken`) and is no id of ours is replaced: the message still names the field, and
 * repeats a plain id or name (`candidate-v3`, `01JD…`).
 */
export function safeErrorMessage(message: string, redact: (text: string) => string): string {
  return redact(message).replace(words, (word) =>
    word.startsWith('[') || ourId.test(word) || !randomShortToken(word) ? word : '[redacted]',
  );
}

/** The text rule of the tap's redactor when the app has one, else of a redactor keyed for the process. */
export function errorTextRedactor(
  redactor: { forExchange(): { text(s: string): string } } | undefined,
  random: Random,
): (text: string) => string {
  const r = redactor ?? processRedactor(random);
  return (text) => r.forExchange().text(text);
}
