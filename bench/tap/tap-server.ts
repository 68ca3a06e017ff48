/**
 * The tap contender, in its own process: `createTap` with 100 % capture into a SQLite file,
 * served with @hono/node-server on 127.0.0.1. Answers `stats` with `tap.stats()` and its RSS
 * (now and peak), and `close` by closing the tap (which flushes the capture queue) and exiting.
 */
import { serve } from '@hono/node-server';
import { loadConfig, systemClock } from '@understudy/core';
import { openStore } from '@understudy/store';
import { createTap, storeSink } from '@understudy/tap';
import { announceReady, argValue } from './child-ipc.js';
import type { TapReply, TapRequest } from './tap-messages.js';

const upstream = argValue('upstream');
const db = argValue('db');

// Shipped defaults (queue, batch, flush interval, redaction) except that every request is captured.
const config = loadConfig({ overrides: { tap: { capture: { rate: 1 } } } }).tap;
const store = await openStore({ url: db });
const tap = createTap({
  config,
  version: { name: 'stable', upstream, headers: {} },
  sink: storeSink(store),
  redactionKey: 'bench-redaction-key-'.padEnd(32, 'x'),
});

let peakRss = process.memoryUsage.rss();
const rssTimer = systemClock.setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100);

const reply = (message: TapReply): void => {
  process.send?.(message);
};

process.on('message', (message: TapRequest) => {
  if (message.type === 'stats') {
    const rss = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, rss);
    reply({ type: 'stats', stats: tap.stats(), rssBytes: rss, peakRssBytes: peakRss });
    return;
  }
  rssTimer.cancel();
  void (async () => {
    await tap.close();
    await store.close();
    reply({ type: 'closed', stats: tap.stats(), rssBytes: process.memoryUsage.rss(), peakRssBytes: peakRss });
    // A normal exit, so that `--cpu-prof` (when asked for) writes its profile.
    process.exit(0);
  })();
});

const server = serve({ fetch: tap.app.fetch, port: 0, hostname: '127.0.0.1' }, () => announceReady(server.address()));
