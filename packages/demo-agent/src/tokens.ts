/** A rough token count (about four characters a token), enough for realistic `usage` figures. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Splits text into word-sized pieces the way a model streams tokens, keeping the spaces. */
export function streamPieces(text: string, wordsPerPiece = 3): string[] {
  const words = text.split(/(?<= )/);
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerPiece) pieces.push(words.slice(i, i + wordsPerPiece).join(''));
  return pieces;
}

/** Cuts a JSON string into a few fragments, as models stream tool-call arguments. */
export function jsonFragments(json: string, size = 12): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += size) out.push(json.slice(i, i + size));
  return out.length === 0 ? [''] : out;
}
