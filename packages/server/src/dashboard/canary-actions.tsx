import type { CanaryRecord } from '@understudy/store';

const live = new Set(['pending', 'shadow', 'progressing', 'paused', 'awaiting_approval']);

/**
 * Pause / resume / approve / promote / roll back, as plain forms (they work without script)
 * posting to the dashboard's own origin; only an `operate` token sees them.
 */
export function CanaryActions(props: { canary: CanaryRecord; role: string }) {
  const c = props.canary;
  if (props.role !== 'operate') return <p class="muted">Signed in with a read token: actions need an operate token.</p>;
  if (!live.has(c.state)) return <p class="muted">This canary is {c.state.replace(/_/g, ' ')}; nothing left to do.</p>;
  const actions: { action: string; label: string; show: boolean; danger?: boolean; confirm?: string }[] = [
    { action: 'pause', label: 'Pause', show: c.state !== 'paused' },
    { action: 'resume', label: 'Resume', show: c.state === 'paused' },
    { action: 'approve', label: 'Approve next step', show: c.state === 'awaiting_approval' },
    { action: 'promote', label: 'Promote', show: true, confirm: `Promote ${c.candidate} to serve all traffic?` },
    { action: 'rollback', label: 'Roll back', show: true, danger: true, confirm: `Roll ${c.candidate} back to weight 0?` },
  ];
  return (
    <div class="actions">
      {actions
        .filter((a) => a.show)
        .map((a) => (
          <form method="post" action={`/canaries/${c.id}/${a.action}`} data-confirm={a.confirm}>
            <input type="hidden" name="reason" value={`${a.action} from the dashboard`} />
            <button type="submit" id={`action-${a.action}`} class={a.danger === true ? 'danger' : undefined}>
              {a.label}
            </button>
          </form>
        ))}
    </div>
  );
}
