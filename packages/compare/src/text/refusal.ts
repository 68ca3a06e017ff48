// Openings an assistant uses to decline; matched on the first sentences only, so an answer
// that merely quotes such a phrase later does not count.
const refusalPattern =
  /\b(?:i(?:'m| am) (?:sorry|afraid)\b[^.!?]{0,80}\b(?:can(?:'t|not)|unable|won't|not able)|i (?:can(?:'t|not)|won't|am unable to|'m unable to|am not able to|'m not able to) (?:help|assist|provide|do that|comply|share|answer|fulfill|complete)|as an ai\b[^.!?]{0,60}\b(?:can(?:'t|not)|unable))/i;

/** Whether a text opens as a refusal ("I'm sorry, but I can't help with that"). */
export function looksLikeRefusal(text: string): boolean {
  return text.length > 0 && refusalPattern.test(text.slice(0, 240));
}
