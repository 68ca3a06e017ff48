import { systemClock } from '@understudy/core';
import { variants } from '@understudy/demo-agent';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { serveDemoAgent } from '../demo/demo-agents.js';
import { parseFlags, parsePort } from '../parse-flags.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy demo-agent --variant v1|v2|v3 [--port 9000] [--host 127.0.0.1] [--latency-ms 150] [--tools URL]

Starts one demo agent alone: an OpenAI- and Anthropic-compatible support agent for a shop.
  v1   the production prompt
  v2   a good rewrite (other wording, same tools and facts)
  v3   a regressed one (a wrong tool on some intents, a wrong fact in some answers,
       more errors, slower)

  --variant V        which one (required)
  --port N           port (default: 9000)
  --host H           address to listen on (default: 127.0.0.1)
  --latency-ms N     think time before answering (default: 150; v3 takes 3x)
  --tools URL        run its tools (the orders service) at URL, e.g. through the egress proxy
`;

export const demoAgentCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      variant: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'latency-ms': { type: 'string' },
      tools: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const variant = variants.find((v) => v === values.variant);
    if (variant === undefined) throw new UsageError(`--variant must be one of v1, v2, v3 (got ${JSON.stringify(values.variant ?? null)})`);
    const latency = values['latency-ms'] === undefined ? 150 : Number(values['latency-ms']);
    if (!Number.isInteger(latency) || latency < 0 || latency > 60_000)
      throw new UsageError('--latency-ms must be a whole number from 0 to 60000');
    const stack = new ShutdownStack();
    try {
      const listening = await serveDemoAgent({
        variant,
        host: typeof values.host === 'string' ? values.host : '127.0.0.1',
        port: parsePort('port', values.port) ?? 9000,
        clock: systemClock,
        latencyMs: latency,
        toolsUrl: typeof values.tools === 'string' ? values.tools : undefined,
        stack,
      });
      io.stdout(`demo agent ${variant} listening on ${listening.url} (OpenAI: POST /v1/chat/completions, Anthropic: POST /v1/messages)\n`);
      await untilAborted(signal);
      return exitCode.ok;
    } finally {
      await stack.unwind(createCliLogger(io, { readable: true }));
    }
  },
};
