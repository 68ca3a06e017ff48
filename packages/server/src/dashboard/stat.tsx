import type { Child } from 'hono/jsx';

/** A labelled figure in a card grid. */
export function Stat(props: { label: string; value: Child; big?: boolean }) {
  return (
    <div>
      <div class="label">{props.label}</div>
      <div class={props.big === true ? 'stat' : undefined}>{props.value}</div>
    </div>
  );
}
