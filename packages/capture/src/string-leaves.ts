/** Where a string leaf sits: its holder and its key there, so an edit can be written back. */
export type LeafVisit = (holder: Record<string, unknown> | unknown[], key: string | number, value: string, signature: string) => void;

/**
 * Signatures made once: a parent's signature and a step give the same string object every time,
 * so the events of one stream (200–10 000 of the same shape) do not each build, flatten and hash
 * their own copy of `.choices.*@0.delta.content` to find their channel.
 */
export class SignatureTable {
  /** `${parent}.${step}`: a member's name, an array position, or `*`. */
  readonly #steps = new Map<string, Map<string | number, string>>();
  /** `${parent}@${index}`: an object placed by its `index` member. */
  readonly #placed = new Map<string, Map<number, string>>();

  step(parent: string, step: string | number): string {
    return made(this.#steps, parent, step, '.');
  }

  placed(parent: string, index: number): string {
    return made(this.#placed, parent, index, '@');
  }
}

function made<K extends string | number>(table: Map<string, Map<K, string>>, parent: string, step: K, joint: string): string {
  let steps = table.get(parent);
  if (steps === undefined) {
    steps = new Map();
    table.set(parent, steps);
  }
  let signature = steps.get(step);
  if (signature === undefined) {
    signature = `${parent}${joint}${step}`;
    steps.set(step, signature);
  }
  return signature;
}

/**
 * Every string leaf under `node`, with its holder and a signature of its position (array indices
 * kept). An object that says which stream it belongs to (`"index": 1`: an OpenAI choice or tool
 * call, an Anthropic content block) is placed by that index, not by where it stands in its array:
 * with `n > 1` every event carries one choice at position 0, and joining choice 0's deltas with
 * choice 1's would split a secret each spells across both. Members in `Object.keys` order.
 */
export function eachStringLeaf(node: unknown, visit: LeafVisit, table: SignatureTable = new SignatureTable(), signature = ''): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child === 'string') visit(node, i, child, table.step(signature, i));
      else if (typeof child === 'object' && child !== null)
        eachStringLeaf(child, visit, table, table.step(signature, indexOf(child) === undefined ? i : '*'));
    }
  } else if (typeof node === 'object' && node !== null) {
    const index = indexOf(node);
    const at = index === undefined ? signature : table.placed(signature, index);
    const holder = node as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const child = holder[key];
      if (typeof child === 'string') visit(holder, key, child, table.step(at, key));
      else if (typeof child === 'object' && child !== null) eachStringLeaf(child, visit, table, table.step(at, key));
    }
  }
}

/** The `index` member of an object, when it is a number. */
function indexOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const index = (node as { index?: unknown }).index;
  return typeof index === 'number' ? index : undefined;
}
