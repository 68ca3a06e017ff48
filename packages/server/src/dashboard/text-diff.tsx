import type { TextHunk } from '@understudy/compare';

/**
 * One side of a word diff: the original shows deletions, the candidate insertions, both the
 * text they share. Text is rendered as JSX children, so it is escaped.
 */
export function TextDiff(props: { hunks: readonly TextHunk[]; side: 'original' | 'candidate' }) {
  const skip = props.side === 'original' ? 'insert' : 'delete';
  return (
    <div class="answer">
      {props.hunks
        .filter((h) => h.op !== skip)
        .map((h) => (h.op === 'equal' ? h.text : h.op === 'insert' ? <ins>{h.text}</ins> : <del>{h.text}</del>))}
    </div>
  );
}
