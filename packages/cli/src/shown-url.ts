import { urlForLog } from '@understudy/core';

/** A URL as the terminal shows it: as written, unless it holds a password, a query or a fragment (then {@link urlForLog}'s form). */
export function shownUrl(url: string): string {
  return /[@?#]/.test(url) ? urlForLog(url) : url;
}
