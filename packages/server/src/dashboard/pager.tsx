import { queryString } from './format.js';

/** "Older →" link carrying the current filters and the next cursor. */
export function Pager(props: { path: string; query: Record<string, string>; nextCursor: string | null }) {
  if (props.nextCursor === null) return null;
  return (
    <p>
      <a href={`${props.path}${queryString({ ...props.query, cursor: props.nextCursor })}`}>Older →</a>
    </p>
  );
}
