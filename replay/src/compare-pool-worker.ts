/**
 * The body of a compare thread ({@link createComparePool}): runs the compare rules on each pair
 * posted to it and posts the report back; the verdict is judged by the pool's owner, where the
 * run's noise model lives.
 */
import { parentPort } from 'node:worker_threads';
import { compareRules } from '@understudy/compare';
import type { CompareTask, CompareTaskReply } from './compare-pool-messages.js';

const port = parentPort;
port?.on('message', (task: CompareTask) => {
  let reply: CompareTaskReply;
  try {
    reply = { id: task.id, report: compareRules(task.candidate, task.original, task.options) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
