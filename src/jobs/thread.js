// A worker thread's entry: runs each job it is sent and posts back { id, value } or { id, error }.
// The pool starts the thread.js beside its own module, so a server compiled into dist/ starts
// dist/jobs/thread.js (copied there by the build), which loads the compiled run.js beside it;
// a server run from the sources starts this file in src/, which has no run.js and loads
// run.ts through tsx.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./run.js', import.meta.url);
let runJob;
if (existsSync(compiled)) {
  ({ runJob } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runJob } = await import('./run.ts'));
}
parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, value: runJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
