/**
 * The `http-proxy` contender, in its own process: a plain reverse proxy with no capture. It gets
 * a keep-alive agent: by default http-proxy opens a new upstream connection per request, which
 * would make it an unfairly slow yardstick for a tap that pools its connections.
 */
import { Agent, createServer } from 'node:http';
import httpProxy from 'http-proxy';
import { announceReady, argValue } from './child-ipc.js';
import { answerLoopDelay } from './loop-delay-probe.js';

const target = argValue('upstream');
// 256 sockets for short requests; the streams bench passes --max-sockets=0 (no limit), as thousands of long streams need.
const maxSockets = Number(argValue('max-sockets', '256'));
const agent = new Agent({ keepAlive: true, maxSockets: maxSockets === 0 ? Number.POSITIVE_INFINITY : maxSockets });
const proxy = httpProxy.createProxyServer({ target, agent, xfwd: false });
proxy.on('error', (_error, _req, res) => {
  // `res` is a socket only for WebSocket upgrades, which this benchmark never makes.
  if ('writeHead' in res && !res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
  res.end();
});

answerLoopDelay();
const server = createServer((req, res) => proxy.web(req, res));
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: Number(argValue('backlog', '511')) }, () => announceReady(server.address()));
