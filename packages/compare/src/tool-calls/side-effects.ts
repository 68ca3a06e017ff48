/**
 * Tool-call side effects seen by the egress proxy for one exchange (issue 5 fills these from
 * recordings): calls answered from the recording, writes with no recording, calls the
 * recording does not have, and calls refused in shadow mode.
 */
export interface SideEffectSummary {
  readonly matched: number;
  readonly unmatched: number;
  readonly extra: number;
  readonly blocked: number;
}
