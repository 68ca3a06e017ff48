import type { CategoryView } from './difference-table.js';
import { formatValue } from './format.js';

/**
 * The changed facts called out above everything else: a `fact` category's differences (a
 * number, date, amount or name the answers disagree on), with the evidence from each side.
 */
export function ChangedFacts(props: { categories: readonly CategoryView[] }) {
  const facts = props.categories.filter((c) => c.name === 'fact').flatMap((c) => c.differences);
  if (facts.length === 0) return null;
  return (
    <div class="card" id="changed-facts">
      <h2>Changed facts</h2>
      {facts.map((f) => (
        <div class="fact">
          <strong>{f.message ?? f.path}</strong>
          {f.original === undefined && f.candidate === undefined ? null : (
            <div>
              production: <code>{formatValue(f.original)}</code> · candidate: <code class="bad">{formatValue(f.candidate)}</code>{' '}
              <span class={`sev-${f.severity ?? 'none'}`}>{f.severity ?? ''}</span>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
