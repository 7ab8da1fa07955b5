/**
 * `parseImportFile` in a worker thread with a time bound, so a hostile or
 * costly file (a slow key derivation, a parser corner case) never blocks main,
 * where every other call waits.
 *
 * One worker serves every import of the process (started by
 * `warmUpImportWorker()` when the vault's handlers are built, or by the first
 * import), one job at a time; it is unref'd, so it never keeps the process
 * alive. A job that passes its bound terminates the worker
 * (`vault.importTimedOut`) and the next job starts a fresh one.
 *
 * Where the worker's code is: in the built app `import-worker.js` sits beside
 * the main bundle's index.js (a separate rollup input in
 * electron.vite.config.ts), while this code lands in a shared chunk under
 * `chunks/`, hence the two places looked at. When main runs from source
 * (vitest, the tsx test host) the TypeScript entry next to this file is
 * loaded through tsx.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { appErrorFromWire } from '../../../common/errors';
import { vaultError } from '../errors';
import type { ImportOptions, ParsedImport } from './parsed-import';
import type { WorkerAnswer, WorkerRequest } from './worker-protocol';

export const IMPORT_TIMEOUT_MS = 30_000;

export interface OffThreadOptions {
  timeoutMs?: number;
}

function startWorker(): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 256 } };
  const built = [path.join(__dirname, 'import-worker.js'), path.join(__dirname, '..', 'import-worker.js')].find((file) => existsSync(file));
  if (built) return new Worker(built, limits);
  const source = path.join(__dirname, 'import-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { ...limits, eval: true });
}

interface Running {
  readonly worker: Worker;
  readonly waiting: Map<number, (answer: WorkerAnswer | undefined) => void>;
}

let running: Running | undefined;
let nextId = 1;
/** Jobs run one after another; a job's time bound starts when it reaches the worker. */
let queue: Promise<unknown> = Promise.resolve();

function ensureWorker(): Running {
  if (running) return running;
  const worker = startWorker();
  worker.unref();
  const current: Running = { worker, waiting: new Map() };
  const fail = () => {
    if (running === current) running = undefined;
    for (const settle of current.waiting.values()) settle(undefined);
    current.waiting.clear();
  };
  worker.on('message', (answer: WorkerAnswer) => {
    current.waiting.get(answer.id)?.(answer);
    current.waiting.delete(answer.id);
  });
  worker.on('error', fail);
  worker.on('exit', fail);
  running = current;
  return current;
}

/** Starts the worker now, so the first import does not wait for it to load. */
export function warmUpImportWorker(): void {
  ensureWorker();
}

const failedWorker = (fileName: string) =>
  vaultError('unrecognizedFile', 'The file could not be read.', { detected: 'error', fileName: path.basename(fileName) });

function runJob(request: WorkerRequest, timeoutMs: number): Promise<ParsedImport> {
  const { worker, waiting } = ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      void worker.terminate();
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      reject(vaultError('importTimedOut', `Reading the file took longer than ${seconds} s.`, { fileName: path.basename(request.fileName), seconds }));
    }, timeoutMs);
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      if (!answer) reject(failedWorker(request.fileName));
      else if (answer.reply.ok) resolve(answer.reply.result);
      else reject(appErrorFromWire(answer.reply.error, 'vault.import'));
    });
    worker.postMessage({ id, request });
  });
}

/** Same result and errors as `parseImportFile`, computed off the main thread within `timeoutMs`. */
export function parseImportFileOffThread(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
  { timeoutMs = IMPORT_TIMEOUT_MS }: OffThreadOptions = {},
): Promise<ParsedImport> {
  const request: WorkerRequest = { bytes, fileName, ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }) };
  const job = queue.then(() => runJob(request, timeoutMs));
  queue = job.catch(() => undefined);
  return job;
}
