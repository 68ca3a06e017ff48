/**
 * The body of a compare thread ({@link createComparePool}): runs the compare rules on each pair
 * of a batch posted to it and posts the batch's reports back in one message; the verdict is judged
 * by the pool's owner, where the run's noise model lives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareRules, limitAnswerCaches } from '@understudy/compare';
import type { CompareBatch, CompareTask, CompareTaskReply, CompareThreadData } from './compare-pool-messages.js';

limitAnswerCaches((workerData as CompareThreadData | null)?.answers ?? {});

function reply(task: CompareTask): CompareTaskReply {
  try {
    return { id: task.id, report: compareRules(task.candidate, task.original, task.options) };
  } catch (error) {
    return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
port?.on('message', (batch: CompareBatch) => {
  port.postMessage(batch.map(reply));
});
