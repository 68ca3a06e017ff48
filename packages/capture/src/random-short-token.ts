/**
 * Whether a value that stands where a credential stands — after a label (`api key: …`, `my token
 * is …`) or after a credential segment of a URL path (`/keys/…`, `/token/…`, a webhook's) — reads
 * as a random token, though shorter than the 24 characters a token needs with no label
 * (`unlabelled-token.ts`): 8 to 256 key characters, letters and digits both, the digits in two or
 * more runs or the letters in both cases, and under half of it in runs that read as words. So
 * `Zr2LmX9vTb4Nc` and a hex secret are taken, and `gpt-4o-mini`, `2024-05-01`, `version2`,
 * `main idea` are not.
 */
export function randomShortToken(value: string): boolean {
  if (value.length < minLength || value.length > maxLength || !keyCharsOnly.test(value)) return false;
  let upper = false;
  let lower = false;
  let digitRuns = 0;
  let inDigits = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && !inDigits) digitRuns++;
    inDigits = digit;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  if (digitRuns === 0 || !(upper || lower) || (digitRuns < 2 && !(upper && lower))) return false;
  let wordy = 0;
  wordRuns.lastIndex = 0;
  for (let w = wordRuns.exec(value); w !== null; w = wordRuns.exec(value)) wordy += w[0].length;
  return wordy * 2 < value.length;
}

const minLength = 8;
const maxLength = 256;
const keyCharsOnly = /^[A-Za-z0-9_\-.+/=~]+$/;
const wordRuns = /[A-Z]?[a-z]{3,}|[A-Z]{4,}/g;
