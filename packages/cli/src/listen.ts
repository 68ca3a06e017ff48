import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Clock } from '@understudy/core';
import { UsageError } from './cli-io.js';
import { answerClientError } from './client-error.js';

export interface Listening {
  /** A URL a person can paste: the wildcard address is shown as loopback. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish for up to `drainMs`, then cuts the rest. */
  close(drainMs: number): Promise<void>;
}

/**
 * Serves a fetch handler (a Hono app) on `host:port`. A port already in use is a usage
 * error naming it, so the CLI exits 2 with one line instead of a stack. A request the HTTP
 * parser refuses is answered with a JSON error ({@link answerClientError}).
 */
export async function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: {
    name: string;
    host: string;
    port: number;
    clock: Clock;
    serverOptions?: ServerOptions;
    /** The listen backlog (Node's default, 511, when unset). */
    backlog?: number;
  },
): Promise<Listening> {
  const server = createAdaptorServer({
    fetch: app.fetch,
    ...(options.serverOptions === undefined ? {} : { serverOptions: options.serverOptions }),
  });
  // A request the parser refuses gets the API's error shape, not a bare status line.
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`${options.name} port ${options.port} on ${options.host} is already in use`));
      else if (error.code === 'EACCES')
        reject(new UsageError(`${options.name}: no permission to listen on ${options.host}:${options.port}`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new UsageError(`${options.name}: cannot listen on host ${options.host}`));
      else reject(error);
    });
    server.listen({ port: options.port, host: options.host, ...(options.backlog === undefined ? {} : { backlog: options.backlog }) }, () =>
      resolve(),
    );
  });
  const { port } = server.address() as AddressInfo;
  const shown =
    options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: (drainMs) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        // server.close() stops accepting and closes idle keep-alive sockets (Node ≥ 19);
        // busy ones get `drainMs` to finish before they are cut.
        const force = options.clock.setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, drainMs);
        server.close(() => {
          force.cancel();
          resolve();
        });
      }),
  };
}
