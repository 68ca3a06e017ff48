const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Durations a person writes (`500ms`, `30s`, `5m`, `12h`, `30d`), as `parseDuration` reads them. */
export const durationPattern = /^(\d+)(ms|s|m|h|d)$/;

/** Milliseconds in `30d`, `12h`, `5m`, `30s` or `500ms`; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const m = durationPattern.exec(text.trim());
  if (m === null) return undefined;
  return Number(m[1]) * units[m[2] as keyof typeof units];
}
