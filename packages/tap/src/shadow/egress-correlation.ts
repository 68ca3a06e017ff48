/** Set by the tap on what it sends the agent; the agent copies it onto its tool calls. */
export const exchangeHeader = 'x-understudy-exchange';
/** `1` on shadow and replay traffic; the agent copies it onto its tool calls. */
export const shadowHeader = 'x-understudy-shadow';

/** Which exchange a tool call belongs to, as read from the two correlation headers. */
export interface Correlation {
  /** Live: the exchange the call belongs to. Shadow: the original exchange whose recording answers. */
  readonly exchangeId: string | null;
  /** Shadow: the candidate's own exchange id (one attempt on the original), when the sender knew it. */
  readonly attemptId: string | null;
  readonly shadow: boolean;
}

const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The `x-understudy-exchange` value: the exchange id, and on shadow and replay traffic the
 * candidate's own id as `; attempt=<id>`, so two shadows of one original never share a cursor
 * over its recording. Agents forward the value as it is.
 */
export function exchangeHeaderValue(exchangeId: string, attemptId?: string): string {
  return attemptId === undefined ? exchangeId : `${exchangeId}; attempt=${attemptId}`;
}

/** Reads the correlation headers of a tool call; malformed ids count as absent. */
export function readCorrelation(headers: Readonly<Record<string, string | string[] | undefined>>): Correlation {
  const raw = first(headers[exchangeHeader]);
  const shadowValue = first(headers[shadowHeader]);
  // Present with any value but an explicit 0/false — an empty one included — marks shadow
  // traffic: failing safe means answering from recordings, never reaching a tool.
  const shadow = shadowValue !== undefined && !/^\s*(0|false)\s*$/i.test(shadowValue);
  if (raw === undefined) return { exchangeId: null, attemptId: null, shadow };
  const [head = '', ...params] = raw.split(';');
  const exchangeId = head.trim();
  let attemptId: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq !== -1 && param.slice(0, eq).trim().toLowerCase() === 'attempt') {
      const value = param.slice(eq + 1).trim();
      if (idPattern.test(value)) attemptId = value;
    }
  }
  return { exchangeId: idPattern.test(exchangeId) ? exchangeId : null, attemptId, shadow };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
