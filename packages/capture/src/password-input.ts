import { isSecretName } from './header-policy.js';
import { redacted, type Span } from './secret-value-spans.js';

/** An `<input` start tag's opening (any case). */
const inputTag = /<input(?=[\s/>]|\\[nrt])/gi;
/** How far an input's attributes may reach. */
const maxTag = 1024;

/**
 * One attribute: its name and its value, double-quoted, single-quoted, double-quoted with escaped
 * quotes (HTML inside a JSON string: `value=\"…\"`) or bare.
 */
const attribute = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:\\"((?:[^"\\]|\\[^"])*)\\"|"([^"]*)"|'([^']*)'|([^\s"'=<>`\\]+)))?/g;

/**
 * The values of `<input>` elements that hold a secret: `type="password"`, or a `name` / `id` that
 * names one (`api_token`, `csrfToken`). Its value is named by the element, not assigned to a
 * secret name, so the assignment rules do not read it. An empty value is none.
 */
export function passwordInputValues(text: string): Span[] {
  const out: Span[] = [];
  // Native searches first: most text (JSON) holds no `<`, and most markup no input (`<input` in any case).
  if (!text.includes('<') || !/<input/i.test(text)) return out;
  inputTag.lastIndex = 0;
  for (let m = inputTag.exec(text); m !== null; m = inputTag.exec(text)) {
    const from = m.index + m[0].length;
    const close = text.indexOf('>', from);
    const end = close === -1 || close - from > maxTag ? Math.min(text.length, from + maxTag) : close;
    let secret = false;
    let value: Span | undefined;
    attribute.lastIndex = from;
    for (let a = attribute.exec(text); a !== null && a.index < end; a = attribute.exec(text)) {
      const name = (a[1] as string).toLowerCase();
      const groups = [a[2], a[3], a[4], a[5]];
      const index = groups.findIndex((g) => g !== undefined);
      const content = index === -1 ? '' : (groups[index] as string);
      if (name === 'type' && content.toLowerCase() === 'password') secret = true;
      else if ((name === 'name' || name === 'id') && isSecretName(content)) secret = true;
      else if (name === 'value' && content !== '') {
        const start = a.index + a[0].length - content.length - (index === 0 ? 2 : index === 3 ? 0 : 1);
        value = [start, start + content.length];
      }
    }
    if (secret && value !== undefined && !redacted(text.slice(value[0], value[1]))) out.push(value);
    inputTag.lastIndex = end;
  }
  return out;
}
