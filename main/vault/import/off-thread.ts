/**
 * `parseImportFile` in a worker thread with a time bound, so a hostile or
 * costly file (a slow key derivation, a parser corner case) never blocks main,
 * where every other call waits. One short-lived worker per import: the worker
 * is terminated when the bound passes (`vault.importTimedOut`).
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
import { AppError } from '../../../common/errors';
import { vaultError } from '../errors';
import type { ImportOptions, ParsedImport } from './import-file';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export const IMPORT_TIMEOUT_MS = 30_000;

export interface OffThreadOptions {
  timeoutMs?: number;
}

function startWorker(request: WorkerRequest): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 256 } };
  const built = [path.join(__dirname, 'import-worker.js'), path.join(__dirname, '..', 'import-worker.js')].find((file) => existsSync(file));
  if (built) return new Worker(built, { ...limits, workerData: request });
  const source = path.join(__dirname, 'import-worker.ts');
  const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { ...limits, eval: true, workerData: request });
}

const failedWorker = (fileName: string) =>
  vaultError('unrecognizedFile', 'The file could not be read.', { detected: 'error', fileName: path.basename(fileName) });

/** Same result and errors as `parseImportFile`, computed off the main thread within `timeoutMs`. */
export function parseImportFileOffThread(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
  { timeoutMs = IMPORT_TIMEOUT_MS }: OffThreadOptions = {},
): Promise<ParsedImport> {
  const request: WorkerRequest = { bytes, fileName, ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }) };
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      settle(() =>
        reject(vaultError('importTimedOut', `Reading the file took longer than ${seconds} s.`, { fileName: path.basename(fileName), seconds })),
      );
    }, timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.result) : reject(new AppError(reply.error.code, reply.error.message, reply.error.params)))),
    );
    worker.once('error', () => settle(() => reject(failedWorker(fileName))));
    worker.once('exit', () => settle(() => reject(failedWorker(fileName))));
  });
}
