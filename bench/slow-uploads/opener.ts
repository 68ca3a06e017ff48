/**
 * The slow uploads of bench:slow-uploads in a process of their own (see `openSlowUploads`):
 * prints one JSON line, the {@link OpenerReport}.
 */
import { holdEventLoop } from '@understudy/core';
import { argValue } from '../tap/child-ipc.js';
import { openerArgs, openSlowUploads } from './slow-upload-opener.js';

// The waits are on unref'd clock timers: hold the loop until the report is out.
holdEventLoop();
const report = await openSlowUploads(openerArgs(argValue));
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
