import { createHash } from 'node:crypto';

/**
 * One stored block of repeated request content, content-addressed: its hash covers its parent's
 * hash and its bytes, so a node names the whole prefix that ends with it. Agents re-send the same
 * system prompt, tools and history on every turn; as a chain of nodes, turn n+1 shares turn n's
 * nodes and adds only its new messages.
 */
export interface ContentNode {
  readonly hash: string;
  readonly parent: string | null;
  readonly bytes: Uint8Array;
}

/** Where a chain's bytes go back into the skeleton: `[byte offset, head node hash]`. */
export type ContentRef = readonly [number, string];

/** A request body as stored: the skeleton (the body minus its repeated blocks) plus references. */
export interface PackedBody {
  readonly skeleton: Uint8Array;
  readonly refs: readonly ContentRef[];
  /** Every node of every chain, parents before children. */
  readonly nodes: readonly ContentNode[];
}

/** Bodies smaller than this are stored whole: nothing in them is worth a reference. */
const minPackedBytes = 512;
/** A top-level value smaller than this stays in the skeleton. */
const minBlockBytes = 256;

/**
 * Splits a JSON object body into a skeleton and chains of content nodes: each top-level array
 * of at least `minBlockBytes` (`messages`, `tools`, `input`, `contents`, …) becomes one node per
 * element (each holding the separator before it), and each long top-level string (`system`,
 * `instructions`) one node. Returns null for anything else (not a JSON object, small): such a
 * body is stored whole.
 *
 * It works on the bytes, never decoding them: JSON's structural characters are ASCII and no
 * byte of a multi-byte UTF-8 character is, so the cut points are found without a parse, and
 * because a body is only ever cut and put back together, {@link unpackRequestBody} gives back
 * exactly the same bytes whatever the body holds. A body the scanner cannot follow is stored whole.
 */
export function packRequestBody(bytes: Uint8Array): PackedBody | null {
  if (bytes.length < minPackedBytes) return null;
  const cuts = topLevelCuts(bytes);
  if (cuts === null || cuts.length === 0) return null;
  const skeletonParts: Uint8Array[] = [];
  const refs: ContentRef[] = [];
  const nodes: ContentNode[] = [];
  let offset = 0;
  let at = 0;
  for (const cut of cuts) {
    skeletonParts.push(bytes.subarray(at, cut.start));
    offset += cut.start - at;
    let parent: string | null = null;
    let from = cut.start;
    for (const to of cut.ends) {
      const node = contentNode(parent, bytes.subarray(from, to));
      nodes.push(node);
      parent = node.hash;
      from = to;
    }
    if (parent !== null) refs.push([offset, parent]);
    at = cut.end;
  }
  skeletonParts.push(bytes.subarray(at));
  const skeleton = Buffer.concat(skeletonParts);
  return { skeleton: new Uint8Array(skeleton.buffer, skeleton.byteOffset, skeleton.byteLength), refs, nodes };
}

/** A stretch of the body stored as a chain: `[start, end)`, cut after each offset in `ends`. */
interface Cut {
  readonly start: number;
  readonly end: number;
  readonly ends: readonly number[];
}

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** The cuts of a JSON object's long top-level values, or null when `bytes` is not one (as far as the scan can tell). */
function topLevelCuts(bytes: Uint8Array): Cut[] | null {
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== openBrace) return null;
  i = skipSpace(bytes, i + 1);
  const cuts: Cut[] = [];
  if (bytes[i] === closeBrace) return cuts;
  for (;;) {
    if (bytes[i] !== quote) return null;
    i = skipSpace(bytes, skipString(bytes, i));
    if (i < 0 || bytes[i] !== colon) return null;
    const start = skipSpace(bytes, i + 1);
    const end = skipValue(bytes, start);
    if (end < 0) return null;
    if (end - start >= minBlockBytes) {
      if (bytes[start] === openBracket) {
        const ends = elementEnds(bytes, start);
        if (ends === null) return null;
        const last = ends.at(-1);
        if (last !== undefined) cuts.push({ start: start + 1, end: last, ends });
      } else if (bytes[start] === quote) {
        cuts.push({ start, end, ends: [end] });
      }
    }
    i = skipSpace(bytes, end);
    if (bytes[i] === closeBrace) return skipSpace(bytes, i + 1) === bytes.length ? cuts : null;
    if (bytes[i] !== comma) return null;
    i = skipSpace(bytes, i + 1);
  }
}

/** The end offset of each element of the array opening at `start`. */
function elementEnds(bytes: Uint8Array, start: number): number[] | null {
  const ends: number[] = [];
  let i = skipSpace(bytes, start + 1);
  if (bytes[i] === closeBracket) return ends;
  for (;;) {
    const end = skipValue(bytes, i);
    if (end < 0) return null;
    ends.push(end);
    i = skipSpace(bytes, end);
    if (bytes[i] === closeBracket) return ends;
    if (bytes[i] !== comma) return null;
    i = skipSpace(bytes, i + 1);
  }
}

function skipSpace(bytes: Uint8Array, from: number): number {
  if (from < 0) return from;
  let i = from;
  for (;;) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return i;
    i++;
  }
}

/** The offset after the string opening at `start`, or -1 when it never closes. */
function skipString(bytes: Uint8Array, start: number): number {
  let i = start + 1;
  for (;;) {
    const close = bytes.indexOf(quote, i);
    if (close < 0) return -1;
    let escapes = 0;
    while (bytes[close - 1 - escapes] === backslash) escapes++;
    if (escapes % 2 === 0) return close + 1;
    i = close + 1;
  }
}

/** The offset after the value starting at `start`, or -1 when it does not end. */
function skipValue(bytes: Uint8Array, start: number): number {
  const first = bytes[start];
  if (first === undefined) return -1;
  if (first === quote) return skipString(bytes, start);
  if (first !== openBrace && first !== openBracket) {
    // A number, true, false or null: runs to the next delimiter.
    let i = start;
    for (;;) {
      const b = bytes[i];
      if (
        b === undefined ||
        b === comma ||
        b === closeBrace ||
        b === closeBracket ||
        b === 0x20 ||
        b === 0x0a ||
        b === 0x0d ||
        b === 0x09
      ) {
        return i === start ? -1 : i;
      }
      i++;
    }
  }
  let depth = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === quote) {
      i = skipString(bytes, i);
      if (i < 0) return -1;
      continue;
    }
    if (b === openBrace || b === openBracket) depth++;
    else if (b === closeBrace || b === closeBracket) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** A node for `bytes` after `parent`: its hash is 132 bits of SHA-256 over both. */
export function contentNode(parent: string | null, bytes: Uint8Array): ContentNode {
  const hash = createHash('sha256')
    .update(parent ?? '')
    .update('\n')
    .update(bytes)
    .digest('base64url')
    .slice(0, 22);
  return { hash, parent, bytes };
}

/** Stored node contents by hash, as loaded for a set of chain heads. */
export type NodeLookup = ReadonlyMap<string, { readonly parent: string | null; readonly bytes: Uint8Array }>;

/** Rebuilds the exact request bytes from a skeleton, its references and the nodes they reach. */
export function unpackRequestBody(skeleton: Uint8Array, refs: readonly ContentRef[], lookup: NodeLookup): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [offset, head] of refs) {
    parts.push(skeleton.subarray(at, offset));
    const chain: Uint8Array[] = [];
    let hash: string | null = head;
    while (hash !== null) {
      const node = lookup.get(hash);
      if (node === undefined) return undefined;
      chain.push(node.bytes);
      hash = node.parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) parts.push(chain[i] as Uint8Array);
    at = offset;
  }
  parts.push(skeleton.subarray(at));
  const whole = Buffer.concat(parts);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}
