/** A pending canary `C1` (stable → v2) as a test creates it, before its first step. */
export const pendingCanary = {
  id: 'C1',
  spec: { candidate: 'v2' },
  stable: 'stable',
  candidate: 'v2',
  state: 'pending',
  stepIndex: -1,
  weight: 0,
  stepStartedAt: null,
  analysisStartedAt: null,
  nextAnalysisAt: 1000,
  consecutiveFailures: 0,
  looks: 0,
  resumeState: null,
  reason: null,
  createdBy: 'test',
  createdAt: 1000,
};
