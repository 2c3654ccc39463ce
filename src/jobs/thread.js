// A worker thread's entry: loads the TypeScript sources through tsx, then runs each job it is
// sent and posts back { id, value } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runJob } = await import('./run.ts');
parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, value: runJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
