/**
 * Words of a link's path that make the link itself a credential: whoever holds a password reset,
 * an invitation, a verification, a magic sign-in or an unsubscribe link acts as its owner, so a
 * short random value after such a segment (`/reset/Kq8Zx2Vb7N`, `/verify?k=…`; `randomShortToken`)
 * is its token, though it is under the 24 characters a token needs with no label at all.
 */
const accessWords: ReadonlySet<string> = new Set([
  'reset',
  'password',
  'passwd',
  'invite',
  'invites',
  'invitation',
  'invitations',
  'verify',
  'verification',
  'confirm',
  'confirmation',
  'activate',
  'activation',
  'magic',
  'login',
  'signin',
  'auth',
  'unsubscribe',
  'optout',
  'claim',
  'redeem',
  'recover',
  'recovery',
  'onboarding',
]);

/** Whether a path segment names an access link (`reset`, `reset-password`, `confirm_email`, `magic-link`). */
export function accessSegment(segment: string): boolean {
  if (segment.length > 40) return false;
  for (const word of segment.toLowerCase().split(/[-_.]/)) if (accessWords.has(word)) return true;
  return false;
}

const accessWordIn = new RegExp(`(?:^|[/_.-])(?:${[...accessWords].join('|')})(?=$|[/_.-])`, 'i');

/** Whether a URL's path up to a part (`/account/reset-password`) holds a segment that names an access link. */
export function accessPath(path: string): boolean {
  return accessWordIn.test(path);
}
