/**
 * The kinds of Slack hook URL whose path is the credential (`https://hooks.slack.com/services/…`,
 * `…/workflows/…`, `…/triggers/…`): regex source, shared by the URL's shape in text (`key-shapes.ts`)
 * and the request path's below.
 */
export const slackHookKinds = '(?:services|workflows|triggers)';

/**
 * A request path to a Slack hook, as a tap in front of `hooks.slack.com` records it (the host is the
 * upstream's, not in the path): the hook's kind, the workspace's id (`T` and upper-case letters and
 * digits, a digit among them: `T0AB12CD3`), then an id of the same shape or a number, then the
 * rest. As in the URL's shape, everything after the workspace's id is the credential, whatever the
 * token's length (trust audit 9 left a short one stored: the unlabelled rule wants 24 characters,
 * and no segment before it names a credential).
 */
const slackHookPath = new RegExp(`^/${slackHookKinds}/${slackId('T')}/(?=(?:${slackId('[A-Z]')}|\\d{6,20})/[^/])`);

/** A Slack id's source: `first`, then 6 to 15 upper-case letters and digits, a digit among them. */
function slackId(first: string): string {
  return `${first}(?=[A-Z]*\\d)[A-Z0-9]{6,15}`;
}

/** Where the credential of a hook's request path starts (after the workspace's id), or -1. */
export function webhookPathSecretStart(path: string): number {
  const m = slackHookPath.exec(path);
  return m === null ? -1 : m[0].length;
}
