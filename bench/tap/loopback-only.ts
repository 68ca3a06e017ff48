/**
 * Preloaded into the Portkey gateway (`--import`): its start script listens on every interface
 * with no option to choose, and this benchmark only ever uses 127.0.0.1. A `listen(port, cb)`
 * or `listen(port, undefined, cb)` call is given the loopback host.
 */
import { Server } from 'node:net';

const listen = Server.prototype.listen;
Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]) {
  const [port, host, ...rest] = args;
  if (typeof port === 'number' && (host === undefined || typeof host === 'function')) {
    const tail = host === undefined ? rest : [host, ...rest];
    return Reflect.apply(listen, this, [port, '127.0.0.1', ...tail]) as Server;
  }
  return Reflect.apply(listen, this, args) as Server;
} as typeof Server.prototype.listen;
