/** A text cut to 120 characters for a difference's message (an ellipsis where cut). */
export function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
