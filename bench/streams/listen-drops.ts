import { readFileSync } from 'node:fs';

/** The kernel's count of connections refused because a listen queue was full (`TcpExt` ListenOverflows and ListenDrops), machine-wide; NaN where /proc is absent. */
export function listenDrops(): { overflows: number; drops: number } {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('TcpExt:'));
    const names = (lines[0] ?? '').split(/\s+/);
    const values = (lines[1] ?? '').split(/\s+/);
    const field = (name: string): number => Number(values[names.indexOf(name)] ?? Number.NaN);
    return { overflows: field('ListenOverflows'), drops: field('ListenDrops') };
  } catch {
    return { overflows: Number.NaN, drops: Number.NaN };
  }
}
