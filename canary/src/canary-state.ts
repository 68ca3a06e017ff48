/**
 * Where a canary is. pending → (shadow) → progressing at step i ⇄ paused / awaiting approval →
 * promoted | rolled back | aborted; the last three are final.
 */
export const canaryStates = [
  'pending',
  'shadow',
  'progressing',
  'paused',
  'awaiting_approval',
  'promoted',
  'rolled_back',
  'aborted',
] as const;
export type CanaryState = (typeof canaryStates)[number];

export const finalStates: ReadonlySet<CanaryState> = new Set(['promoted', 'rolled_back', 'aborted']);

export function isCanaryState(value: string): value is CanaryState {
  return (canaryStates as readonly string[]).includes(value);
}
