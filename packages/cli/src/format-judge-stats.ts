/** What a process's LLM judge did, for the terminal (`understudy replay`, the demo's summary). */
export function formatJudgeStats(j: { calls: number; cached: number; skipped: number; failed: number }): string {
  return `${j.calls} calls, ${j.cached} cached, ${j.skipped} skipped past its bounds, ${j.failed} failed (failed pairs keep the rules' verdict)`;
}
