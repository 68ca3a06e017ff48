/**
 * The marker opening a list item: a bullet ("-", "*", "•", "·", "+", "‣", "◦", "▪", "–") or a
 * number or letter ("1.", "2)", "a.") and the space after it; or the Japanese middle dot "・", which
 * is written without one ("・収集日：毎週水曜日").
 */
export const listMarker = /^\s*(?:[-*•·+‣◦▪–]\s+|・\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+)/i;

/** A {@link listMarker} with something after it. */
const listItem = new RegExp(`${listMarker.source}\\S`, listMarker.flags);

/** Whether a line is a list item: a {@link listMarker} with something after it. */
export function isListItem(line: string): boolean {
  return listItem.test(line);
}
