import { createIdGenerator, type Exchange, systemClock, systemRandom } from '@understudy/core';
import { chatCompletion, chatRequest } from '../tap/chat-fixture.js';

const ids = createIdGenerator({ clock: systemClock, random: systemRandom });
const request = Buffer.from(chatRequest);

/** The capture benches' short chat exchange: a live row, as the tap captures it (a fresh id each call). */
export function shortExchange(): Exchange {
  return {
    id: ids(),
    startedAt: systemClock.now(),
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json', 'content-length': String(request.length), 'user-agent': 'bench' },
    requestBody: { bytes: request, size: request.length, truncated: false },
    status: 200,
    responseHeaders: { 'content-type': 'application/json', 'content-length': String(chatCompletion.length) },
    responseBody: { bytes: chatCompletion, size: chatCompletion.length, truncated: false },
    streamed: false,
    sseEvents: null,
    ttfbMs: 1.2,
    durationMs: 2.3,
    version: 'stable',
    role: 'live',
    parentId: null,
    usage: { inputTokens: 32, outputTokens: 410, costUsd: 0.000_25 },
    error: null,
  };
}
