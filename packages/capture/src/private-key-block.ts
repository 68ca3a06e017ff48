/** How far a key's body is read for its END line (a 16 384-bit RSA key in PEM is about 12 KB). */
const maxBlock = 64 * 1024;

const begin = /-----BEGIN (?:[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?|OpenVPN Static key V\d)-----/g;

/**
 * PEM and PGP private keys (`-----BEGIN RSA PRIVATE KEY-----`, `… OPENSSH PRIVATE KEY-----`,
 * `… PGP PRIVATE KEY BLOCK-----`; RFC 7468) and OpenVPN's shared `tls-auth` / `tls-crypt` key
 * (`-----BEGIN OpenVPN Static key V1-----`, hex lines; trust audit 9): the body between the BEGIN and END lines, the lines
 * themselves kept so a reader sees a key stood there. A key cut off before its END line (at the
 * capture cap, or by the end of the JSON string it stands in) is redacted to where it stops.
 * Certificates and public keys are not secrets and are left.
 */
export function privateKeyBlocks(text: string): [number, number][] {
  if (!text.includes('-----BEGIN ')) return [];
  const out: [number, number][] = [];
  begin.lastIndex = 0;
  for (let m = begin.exec(text); m !== null; m = begin.exec(text)) {
    const from = m.index + m[0].length;
    const endLine = text.indexOf('-----END ', from);
    let to = endLine !== -1 && endLine - from <= maxBlock ? endLine : openEnd(text, from);
    // Never half a JSON escape: a cut that leaves a backslash at the end takes it along, not its letter.
    if (to > from && text.charAt(to - 1) === '\\' && text.charAt(to) !== '\\') to--;
    if (to > from) out.push([from, to]);
    begin.lastIndex = Math.max(to, from);
  }
  return out;
}

/** Where a key without its END line stops: at the quote closing the string it stands in, or the text's end. */
function openEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + maxBlock);
  for (let i = from; i < limit; i++) {
    const c = text.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === '<') return i;
  }
  return limit;
}
