/**
 * Where a secret may start: not inside a word, but right after a JSON escape (`\n`, `\t`,
 * `\u0009`) even though the escape's letter stands before it — a key pasted on a line of its
 * own is stored as `…\nsk-…` inside a JSON string — and never swallowing that letter, which
 * would leave an invalid escape. After any other backslash (`\\alice@…`) a secret may start too.
 */
export const secretStart = String.raw`(?:(?<=\\[nrtbf])|(?<=\\u[0-9a-fA-F]{4})|(?<=\\)(?![nrtbfu])|(?<![A-Za-z0-9\\]))`;
