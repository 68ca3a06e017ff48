import type { Logger } from '@understudy/core';
import { pino } from 'pino';
import type { CliIo } from './cli-io.js';
import { logRedaction } from './log-redaction.js';

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const hidden = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/**
 * pino writing through the CLI's io: JSON lines for the scale-out roles (for log shippers),
 * or one readable line per record for `start`, where a person is watching the terminal. Every
 * record is redacted first ({@link logRedaction}): the one place a log line is written.
 */
export function createCliLogger(io: CliIo, options: { readable: boolean; level?: string }): Logger {
  const redact = logRedaction();
  const write = options.readable ? (line: string) => io.stdout(readableLine(redact(line))) : (line: string) => io.stdout(redact(line));
  return pino({ level: options.level ?? io.env.UNDERSTUDY_LOG_LEVEL ?? 'info', base: undefined }, { write });
}

function readableLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 19) : '--:--:--';
  const level = (levelNames[Number(record.level)] ?? 'LOG').padEnd(5);
  const fields = Object.entries(record)
    .filter(([k]) => !hidden.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${time} ${level} ${String(record.msg ?? '')}${fields.length > 0 ? `  ${fields.join(' ')}` : ''}\n`;
}
