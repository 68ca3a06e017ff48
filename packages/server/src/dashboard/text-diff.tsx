import type { TextHunk } from '@understudy/compare';

/**
 * The word diff of the two answers in one line of text: what the candidate dropped struck
 * through, what it added highlighted, long shared runs shortened. Text is rendered as JSX
 * children, so it is escaped.
 */
export function TextDiff(props: { hunks: readonly TextHunk[] }) {
  return (
    <div class="answer" id="text-diff">
      {props.hunks.map((h, i) => [
        i === 0 ? '' : ' ',
        h.op === 'equal' ? <span class="muted">{h.text}</span> : h.op === 'insert' ? <ins>{h.text}</ins> : <del>{h.text}</del>,
      ])}
    </div>
  );
}
