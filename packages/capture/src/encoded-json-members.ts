import { isSecretName } from './header-policy.js';
import type { Span } from './secret-value-spans.js';

/**
 * JSON written into an HTML attribute, its quotes as character references
 * (`data-config="{&quot;api_key&quot;:&quot;…&quot;}"`, `&#34;`, `&#x22;`): a secret-named
 * member's string value (`isSecretName`), as the member rules read it in JSON as written (trust
 * audit 8 left it stored: the references' reading runs the text patterns, not the member rules).
 */
export function encodedJsonMembers(text: string): Span[] {
  if (!text.includes('&quot;') && !text.includes('&#')) return none;
  let out: Span[] | undefined;
  member.lastIndex = 0;
  for (let m = member.exec(text); m !== null; m = member.exec(text)) {
    const value = m[2] ?? '';
    if (value === '' || value.startsWith('[redacted:') || !isSecretName(m[1] ?? '')) continue;
    out ??= [];
    out.push([m.index + m[0].length - value.length - (m[3]?.length ?? 0), m.index + m[0].length - (m[3]?.length ?? 0)]);
  }
  return out ?? none;
}

const none: Span[] = [];
const quote = '(?:&quot;|&#34;|&#[xX]22;)';
/** `&quot;name&quot;: &quot;value&quot;`: the name, the value (no raw quote or tag in it), the closing reference. */
const member = new RegExp(
  `${quote}([A-Za-z_$][\\w$.-]{0,63})${quote}[ \\t]*:[ \\t]*${quote}((?:(?!${quote})[^"<>\\r\\n]){1,512})(${quote})`,
  'g',
);
