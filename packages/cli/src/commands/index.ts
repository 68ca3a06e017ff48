import type { CommandEntry } from './command.js';

export type { Command, CommandEntry } from './command.js';

/** Every subcommand by name, in the order `understudy --help` lists them. */
export const commands: Readonly<Record<string, CommandEntry>> = Object.freeze({
  start: {
    summary: 'run tap + control plane in one process (with the demo agent when no upstream is set)',
    load: async () => (await import('./start.js')).startCommand,
  },
  tap: {
    summary: 'run the capturing reverse proxy in front of one agent version',
    load: async () => (await import('./tap.js')).tapCommand,
  },
  control: { summary: 'run the control-plane API over the store', load: async () => (await import('./control.js')).controlCommand },
  egress: {
    summary: 'run the egress proxy that records tool calls live and answers them in shadow',
    load: async () => (await import('./egress.js')).egressCommand,
  },
  demo: {
    summary: 'run the whole story headless: capture, shadow, replay gate, roll back v3, promote v2',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  'demo-agent': {
    summary: 'start one demo agent version alone (v1, v2 good rewrite, v3 regressed)',
    load: async () => (await import('./demo-agent.js')).demoAgentCommand,
  },
  versions: { summary: 'add or list named agent versions', load: async () => (await import('./versions.js')).versionsCommand },
  canary: { summary: 'start, inspect, verify and steer canary releases', load: async () => (await import('./canary.js')).canaryCommand },
  replay: {
    summary: 'replay stored traffic against a version and report divergence (a CI gate)',
    load: async () => (await import('./replay.js')).replayCommand,
  },
  import: {
    summary: 'import traffic from HAR, GoReplay, JSONL or OTLP trace files',
    load: async () => (await import('./import.js')).importCommand,
  },
  export: { summary: 'export stored exchanges as JSONL', load: async () => (await import('./export.js')).exportCommand },
  prune: {
    summary: 'delete exchanges older than an age (retention), sparing what canaries and replays need',
    load: async () => (await import('./prune.js')).pruneCommand,
  },
  diff: {
    summary: 'compare two responses (files or stored exchange ids) and print the report',
    load: async () => ({ run: (await import('./diff.js')).runDiff }),
  },
});
