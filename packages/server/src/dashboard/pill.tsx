/** A verdict or state as a coloured pill (`v-regression`, `s-rolled_back`, …). */
export function Pill(props: { kind: 'v' | 's'; value: string }) {
  return <span class={`pill ${props.kind}-${props.value.replace(/[^a-z_]/g, '')}`}>{props.value.replace(/_/g, ' ')}</span>;
}
