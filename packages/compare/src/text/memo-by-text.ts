/**
 * `read` remembered by its argument, for a pure reading of a word or a few words that the rules ask
 * of the same words again and again (each rule, each clause pair, each answer compared). Bounded:
 * a text longer than `maxChars` is read afresh every time, and past `maxEntries` texts the memo
 * starts empty again (a clear is cheaper than keeping recency, and the next answers refill it).
 */
export function memoByText<V>(read: (text: string) => V, maxEntries = 4096, maxChars = 64): (text: string) => V {
  const known = new Map<string, V>();
  return (text) => {
    const had = known.get(text);
    if (had !== undefined) return had;
    const value = read(text);
    if (text.length > maxChars) return value;
    if (known.size >= maxEntries) known.clear();
    known.set(text, value);
    return value;
  };
}
