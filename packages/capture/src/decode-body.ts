import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';

export interface DecodedBody {
  readonly bytes: Uint8Array;
  /** True when the output hit `cap` (or the input was already cut) and more would have followed. */
  readonly truncated: boolean;
}

const decoders = {
  gzip: (b: Uint8Array, max: number) => gunzipSync(b, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max }),
  'x-gzip': (b: Uint8Array, max: number) => gunzipSync(b, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max }),
  deflate: (b: Uint8Array, max: number) => inflateSync(b, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max }),
  br: (b: Uint8Array, max: number) => brotliDecompressSync(b, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: max }),
} as const;

/** True for a `content-encoding` the capture can decode. */
export function isDecodable(encoding: string): encoding is keyof typeof decoders {
  return Object.hasOwn(decoders, encoding);
}

/**
 * Decodes the capture's copy of an encoded body, never producing more than `cap` bytes: when
 * the whole input would inflate past it, ever shorter prefixes of the input are decoded (a
 * bounded number of tries) and the result is flagged truncated. `undefined` when the bytes do
 * not decode (corrupt, or a stacked encoding).
 */
export function decodeBody(
  bytes: Uint8Array,
  encoding: keyof typeof decoders,
  cap: number,
  inputTruncated: boolean,
): DecodedBody | undefined {
  const decode = decoders[encoding];
  let input = bytes;
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      const out = decode(input, cap);
      return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), truncated: inputTruncated || input !== bytes };
    } catch (error) {
      if (!(error instanceof RangeError) || input.length < 2) return undefined;
      // Past the cap: halve the input; a prefix decodes fine under SYNC_FLUSH.
      input = input.subarray(0, input.length >> 1);
    }
  }
  return undefined;
}
