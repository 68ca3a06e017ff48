import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks sealed bytes: a version byte lets the format change without guessing. */
const magic = Buffer.from('USB1', 'latin1');
const ivLength = 12;
const tagLength = 16;

/**
 * Seals bytes that must later be answered exactly as they were (an egress recording a shadow
 * call is answered with) so they are never at rest in the clear: AES-256-GCM under `key` (a
 * 32-byte key derived from the redaction key), a fresh 96-bit IV per body, the tag appended.
 * `iv` is injectable so tests can be exact; by default it comes from node:crypto.
 */
export function seal(plain: Uint8Array, key: Buffer, iv: Buffer = randomBytes(ivLength)): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const out = Buffer.concat([magic, iv, body, cipher.getAuthTag()]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The plain bytes of a sealed body, or undefined when the bytes are not sealed or fail authentication. */
export function openSealed(sealed: Uint8Array, key: Buffer): Uint8Array | undefined {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < magic.length + ivLength + tagLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const iv = bytes.subarray(magic.length, magic.length + ivLength);
  const tag = bytes.subarray(bytes.length - tagLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const out = Buffer.concat([decipher.update(bytes.subarray(magic.length + ivLength, bytes.length - tagLength)), decipher.final()]);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return undefined;
  }
}

/** True when the bytes carry the sealed format's marker. */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= magic.length && Buffer.from(bytes.buffer, bytes.byteOffset, magic.length).equals(magic);
}
