import type { IncomingMessage } from 'node:http';
import type { Version } from '@understudy/core';

/**
 * Picks the version a request goes to. The tap alone always answers its one version; a canary
 * split replaces this with a sticky weighted choice without touching the forwarding core.
 */
export type VersionRouter = (incoming: IncomingMessage) => Version;

export function fixedVersion(version: Version): VersionRouter {
  return () => version;
}
