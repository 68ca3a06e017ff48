import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** What a tap accepted into its capture queue, and how many of those the store refused. */
export interface CaptureCounts {
  readonly accepted: number;
  readonly refused: number;
}

/**
 * The tap's half of the lost-capture count: the number of captures it accepted into its queue,
 * kept in a small file rewritten on every change. A `pwrite` of 16 bytes lands in the kernel's
 * page cache before the call returns, so the count survives the process being killed (SIGKILL,
 * SIGBUS, an OOM kill) — not a machine crash, which this file does not fsync against. The store
 * counts the rows written per run (`capture_runs.stored`); the difference is what a kill took.
 */
export interface CaptureTally {
  accepted(): void;
  /** Accepted captures the store refused (counted as drops). */
  refused(rows: number): void;
  counts(): CaptureCounts;
  /** Closes the file and removes it (the run was ended in the store). */
  discard(): void;
}

const size = 16;

/** Creates the tally file at `path` (it must not exist) and keeps it current. */
export function fileCaptureTally(path: string): CaptureTally {
  const fd = openSync(path, 'wx', 0o600);
  const buffer = Buffer.alloc(size);
  let accepted = 0;
  let refused = 0;
  let open = true;
  const write = (): void => {
    if (!open) return;
    buffer.writeDoubleLE(accepted, 0);
    buffer.writeDoubleLE(refused, 8);
    writeSync(fd, buffer, 0, size, 0);
  };
  write();
  return {
    accepted() {
      accepted += 1;
      write();
    },
    refused(rows) {
      refused += rows;
      write();
    },
    counts: () => ({ accepted, refused }),
    discard() {
      if (!open) return;
      open = false;
      closeSync(fd);
      rmSync(path, { force: true });
    },
  };
}

/** A tally that survives nothing: for a tap that cannot write its tally file. */
export function memoryCaptureTally(): CaptureTally {
  let accepted = 0;
  let refused = 0;
  return {
    accepted() {
      accepted += 1;
    },
    refused(rows) {
      refused += rows;
    },
    counts: () => ({ accepted, refused }),
    discard() {},
  };
}

/** Reads a tally file a dead tap left; undefined when it is missing or not one. */
export function readCaptureTally(path: string): CaptureCounts | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length !== size) return undefined;
  const accepted = bytes.readDoubleLE(0);
  const refused = bytes.readDoubleLE(8);
  if (!Number.isSafeInteger(accepted) || !Number.isSafeInteger(refused) || accepted < 0 || refused < 0) return undefined;
  return { accepted, refused };
}

/** The tally as the capture queue sees it: the queue counts what it refuses, never what it accepts. */
export function refusalsOnly(tally: Pick<CaptureTally, 'accepted' | 'refused'>): Pick<CaptureTally, 'accepted' | 'refused'> {
  return { accepted: () => {}, refused: (rows) => tally.refused(rows) };
}
