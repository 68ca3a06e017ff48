import { lineStartAt, redacted, type Span } from './secret-value-spans.js';

/**
 * A Wi-Fi network's pre-shared key as configs and QR codes write it (trust audit 9): `psk=…` and
 * `wpa_psk=…` (wpa_supplicant, NetworkManager, hostapd's `wpa_psk`), `wpa-psk …` on a line of its
 * own (Debian's interfaces), and the `P:` field of a `WIFI:T:WPA;S:…;P:…;;` string. A key
 * management setting (`key_mgmt=WPA-PSK`, `auth: WPA2-PSK`) names the kind of key, not the key:
 * `psk` after a hyphen is not the name.
 */
export function wifiKeys(text: string): Span[] {
  if (!text.includes('psk') && !text.includes('PSK') && !text.includes('WIFI:')) return none;
  let out: Span[] | undefined;
  pskName.lastIndex = 0;
  for (let m = pskName.exec(text); m !== null; m = pskName.exec(text)) {
    const blankOnly = !/[=:]/.test(m[0].slice(m[0].search(/psk/i) + 3));
    // `wpa-psk KEY` (no `=`) only as a line of its own: `the psk is …` is prose.
    if (blankOnly && !lineStartAt(text, m.index)) continue;
    const value = valueAt(text, m.index + m[0].length);
    if (value === undefined) continue;
    out ??= [];
    out.push(value);
  }
  for (let at = text.indexOf('WIFI:'); at !== -1; at = text.indexOf('WIFI:', at + 5)) {
    const end = text.indexOf(';;', at);
    if (end === -1 || end - at > maxQr) continue;
    const field = /(?:^|;|:)P:((?:\\.|[^;\\])+)/.exec(text.slice(at + 5, end + 1));
    if (field === null || field[1] === undefined) continue;
    const from = at + 5 + field.index + field[0].length - field[1].length;
    out ??= [];
    out.push([from, from + field[1].length]);
  }
  return out ?? none;
}

const none: Span[] = [];
const maxQr = 512;
/** The name, after indentation or a word's start (not `WPA-PSK`, not `key_mgmt`), then `=`, `:` or blanks. */
const pskName = /(?:(?<=\\[nt])|(?<![\w.-]))[ \t]*(?:wpa[_-])?psk[ \t]*(?:[=:][ \t]*|[ \t]+)/gi;

/** The key: a quoted string's content, or up to a blank or a quote; 8 characters or more (WPA's shortest), no placeholder. */
function valueAt(text: string, from: number): Span | undefined {
  const quote = text.startsWith('\\"', from) ? '\\"' : text.charAt(from) === '"' || text.charAt(from) === "'" ? text.charAt(from) : '';
  let start = from + quote.length;
  let end = start;
  if (quote !== '') {
    end = text.indexOf(quote, start);
    if (end === -1 || end - start > 128) return undefined;
  } else while (end < text.length && end - start <= 128 && !' \t\r\n"\'\\,;'.includes(text.charAt(end))) end++;
  const value = text.slice(start, end);
  if (value.length < 8 || redacted(value) || /^[$%{<]/.test(value)) return undefined;
  start = Math.max(start, from);
  return [start, end];
}
